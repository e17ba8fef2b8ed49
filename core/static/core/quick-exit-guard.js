// Loaded in <head>, before the page is painted, on every page of the site.
// After "Quitter rapidement" (quick-exit.js), the site's pages left in this tab's
// history must not show again: JavaScript cannot delete history entries, so going
// Back (or Forward) to one of them leaves for the neutral site at once and replaces
// that entry too; each Back press turns one more of them into the neutral site.
// A fresh visit in the tab (typed address, bookmark, link) clears the mark.
(function () {
  "use strict";
  var KEY = "egide-quick-exit";

  function storedTarget() {
    try { return window.sessionStorage.getItem(KEY); } catch (error) { return null; }
  }

  function reachedThroughHistory() {
    var timing = window.performance;
    var entries = timing && timing.getEntriesByType ? timing.getEntriesByType("navigation") : [];
    if (entries.length) { return entries[0].type === "back_forward"; }
    return Boolean(timing && timing.navigation && timing.navigation.type === 2);
  }

  function leave(target) {
    document.documentElement.style.visibility = "hidden";
    window.location.replace(target);
  }

  var target = storedTarget();
  if (target) {
    if (reachedThroughHistory()) { leave(target); return; }
    try { window.sessionStorage.removeItem(KEY); } catch (error) { /* private mode */ }
  }
  // A page restored from the back/forward cache runs no script again: only pageshow.
  window.addEventListener("pageshow", function (event) {
    var stored = storedTarget();
    if (event.persisted && stored) { leave(stored); }
  });
})();
