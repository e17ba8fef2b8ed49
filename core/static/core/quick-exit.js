// "Quitter rapidement": leave at once for a neutral site. location.replace()
// swaps the current history entry, so the Back button does not return here.
// Pressing Escape twice within a second does the same, for keyboard users.
(function () {
  "use strict";
  var button = document.getElementById("quitter-rapidement");
  if (!button) { return; }
  var target = button.getAttribute("data-quick-exit-url") || button.href;

  function leave(event) {
    if (event) { event.preventDefault(); }
    document.body.style.visibility = "hidden";
    window.location.replace(target);
  }

  button.addEventListener("click", leave);
  var lastEscape = 0;
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") { return; }
    var now = Date.now();
    if (now - lastEscape < 1000) { leave(event); }
    lastEscape = now;
  });
})();
