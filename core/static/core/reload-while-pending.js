// Pages showing a file being prepared in the background (attestation archive,
// report export): reload every 3 seconds until it is ready, unless the person is
// busy on another tab. The page includes this script only while the file is pending.
(function () {
  "use strict";
  setTimeout(function () {
    if (!document.hidden) { window.location.reload(); }
  }, 3000);
})();
