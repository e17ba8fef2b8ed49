// "Quitter rapidement": leave at once for a neutral site. location.replace()
// swaps the current history entry, so the Back button does not return here; the
// mark left in sessionStorage makes every other page of the site still in this
// tab's history leave for the neutral site too if reached again through Back
// (quick-exit-guard.js). Pressing Escape twice within a second does the same, for
// keyboard users.
(function () {
  "use strict";
  var button = document.getElementById("quitter-rapidement");
  if (!button) { return; }
  var target = button.getAttribute("data-quick-exit-url") || button.href;
  var bar = button.closest(".egide-quick-exit");

  function leave(event) {
    if (event) { event.preventDefault(); }
    try { window.sessionStorage.setItem("egide-quick-exit", target); } catch (error) { /* private mode */ }
    document.documentElement.style.visibility = "hidden";
    window.location.replace(target);
  }

  button.addEventListener("click", leave);
  var lastEscape = 0;
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") { return; }
    var now = Date.now();
    if (now - lastEscape < 1000) { leave(event); }
    lastEscape = now;
  }, true);

  // An open DSFR modal (the mobile menu, a dialog) makes everything outside it inert,
  // which would leave the button visible but dead: it stays usable over everything.
  if (bar && window.MutationObserver) {
    new MutationObserver(function () {
      if (bar.hasAttribute("inert")) { bar.removeAttribute("inert"); }
      if (bar.getAttribute("aria-hidden") === "true") { bar.removeAttribute("aria-hidden"); }
    }).observe(bar, { attributes: true, attributeFilter: ["inert", "aria-hidden"] });
  }
})();
