// "Ajouter une session" on the event form: copies the empty session form (the
// <template> rendered by Django's formset, `__prefix__` in its names) and counts it
// in the formset's TOTAL_FORMS. Without JavaScript the button stays hidden and a
// hint explains how to add a session after saving.
(function () {
  "use strict";
  var button = document.getElementById("ajouter-session");
  var model = document.getElementById("session-modele");
  var sessions = document.getElementById("sessions");
  var total = document.getElementById("id_sessions-TOTAL_FORMS");
  if (!button || !model || !sessions || !total) {
    return;
  }
  button.hidden = false;
  button.addEventListener("click", function () {
    var index = parseInt(total.value, 10);
    var html = model.innerHTML
      .replace(/__prefix__/g, String(index))
      .replace(/__number__/g, String(index + 1));
    sessions.insertAdjacentHTML("beforeend", html);
    total.value = String(index + 1);
    // Move the focus to the new session, so keyboard and screen reader users land on it.
    var first = sessions.lastElementChild.querySelector("input:not([type=hidden]), select, textarea");
    if (first) {
      first.focus();
    }
  });
})();
