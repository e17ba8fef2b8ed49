// Forms marked data-egide-submit-once (the plan page's "Préparer le document"):
// the first submit disables the submit buttons, so a double click sends one
// request (the server also returns the pending export to a second one:
// core.file_jobs). Coming back to the page with the browser's Back button
// enables them again.
(function () {
  "use strict";
  var FORMS = "form[data-egide-submit-once]";

  function buttons(form) {
    return form.querySelectorAll("button[type=submit], button:not([type]), input[type=submit]");
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches || !form.matches(FORMS)) { return; }
    if (form.hasAttribute("data-egide-submitted")) {
      event.preventDefault();
      return;
    }
    form.setAttribute("data-egide-submitted", "");
    form.setAttribute("aria-busy", "true");
    // After this event: a button disabled now would leave the form data.
    setTimeout(function () {
      buttons(form).forEach(function (button) { button.disabled = true; });
    }, 0);
  });

  window.addEventListener("pageshow", function () {
    document.querySelectorAll(FORMS).forEach(function (form) {
      form.removeAttribute("data-egide-submitted");
      form.removeAttribute("aria-busy");
      buttons(form).forEach(function (button) { button.disabled = false; });
    });
  });
})();
