// Pages showing a file being prepared in the background (attestation archive,
// report export): every 2 seconds, read the page again and show its progress in
// place (the progress bar and its status line, which screen readers announce);
// once the file is ready or has failed, show that instead and move the focus to
// it. Nothing is read while the person is busy on another tab. Without fetch, or
// if the page cannot be read, the whole page is reloaded. The page includes this
// script only while the file is pending.
(function () {
  "use strict";
  var DELAY = 2000;
  var SELECTOR = "[data-egide-file-job]";

  function updateInPlace(region, next) {
    var bar = region.querySelector("progress");
    var nextBar = next.querySelector("progress");
    if (bar && nextBar) {
      bar.value = nextBar.value;
      bar.textContent = nextBar.textContent;
    }
    var label = region.querySelector("[data-egide-file-job-label]");
    var nextLabel = next.querySelector("[data-egide-file-job-label]");
    if (label && nextLabel && label.textContent !== nextLabel.textContent) {
      label.textContent = nextLabel.textContent;
    }
  }

  function poll() {
    var region = document.querySelector(SELECTOR);
    if (!region || !window.fetch || !window.DOMParser) {
      window.location.reload();
      return;
    }
    if (document.hidden) {
      setTimeout(poll, DELAY);
      return;
    }
    fetch(window.location.href, { credentials: "same-origin", cache: "no-store" })
      .then(function (response) {
        if (!response.ok) { throw new Error(String(response.status)); }
        return response.text();
      })
      .then(function (html) {
        var next = new DOMParser().parseFromString(html, "text/html").querySelector(SELECTOR);
        if (!next) { throw new Error("no progress"); }
        if (next.hasAttribute("data-pending")) {
          updateInPlace(region, next);
          setTimeout(poll, DELAY);
          return;
        }
        region.replaceWith(next);
        // The download link once ready; the message otherwise (failed, expired).
        var target = next.querySelector("a.fr-btn");
        if (!target) {
          target = next.querySelector("[role=alert], [role=status]");
          if (target) { target.setAttribute("tabindex", "-1"); }
        }
        if (target) { target.focus(); }
      })
      .catch(function () { window.location.reload(); });
  }

  setTimeout(poll, DELAY);
})();
