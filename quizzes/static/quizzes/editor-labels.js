// Quiz and questionnaire editor: the accessible names Wagtail leaves out. A rich text
// field inside a StreamField block (a situation's case) is a nameless textbox, and the
// minimap's list scrolls without keyboard access (axe: aria-input-field-name,
// scrollable-region-focusable). Fields appear as blocks are added: watch the form.
(function () {
  "use strict";
  if (window.location.pathname.indexOf("/snippets/quizzes/") === -1) return;
  var script = document.currentScript;
  var names = {
    text: (script && script.dataset.textLabel) || "Texte",
    minimap: (script && script.dataset.minimapLabel) || "Sommaire",
  };

  function nameTextboxes(root) {
    var boxes = root.querySelectorAll(
      ".public-DraftEditor-content[role=textbox]:not([aria-label]):not([aria-labelledby])"
    );
    boxes.forEach(function (box) {
      // A block's label sits just before its field's wrapper, without a `for`.
      var wrapper = box.closest(".w-field__wrapper");
      var label = wrapper && wrapper.parentElement.querySelector(":scope > .w-field__label");
      var text = label ? label.textContent.replace(/\*/g, "").trim() : "";
      box.setAttribute("aria-label", text || names.text);
    });
    root.querySelectorAll(".w-minimap__list:not([tabindex])").forEach(function (list) {
      list.setAttribute("tabindex", "0");
      list.setAttribute("aria-label", names.minimap);
    });
  }

  function start() {
    nameTextboxes(document);
    new MutationObserver(function () { nameTextboxes(document); }).observe(document.body, {
      childList: true,
      subtree: true,
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
