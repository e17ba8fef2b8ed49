// Arrondissement lists grouped by département (one <optgroup> per département,
// labelled "59 – Nord"): once a département is chosen in the same form, show only
// its arrondissements. The département select is the one whose name is the
// arrondissement's with "departement" instead ("sessions-0-arrondissement" →
// "sessions-0-departement"). Without JavaScript every group stays listed and the
// server refuses an arrondissement of another département.
(function () {
  "use strict";

  function narrow(arrondissement, departement) {
    var code = departement.value;
    var groups = arrondissement.querySelectorAll("optgroup");
    for (var i = 0; i < groups.length; i++) {
      var group = groups[i];
      var shown = !code || group.label.split(" ")[0] === code;
      group.hidden = !shown;
      group.disabled = !shown; // browsers that ignore `hidden` on optgroups
    }
    var selected = arrondissement.selectedOptions[0];
    if (selected && selected.parentElement.disabled) {
      arrondissement.value = "";
    }
  }

  function attach(arrondissement) {
    if (arrondissement.dataset.filtreAttache || !arrondissement.form) {
      return;
    }
    var name = arrondissement.name.replace(/arrondissement$/, "departement");
    var departement = arrondissement.form.elements.namedItem(name);
    if (!departement || departement.tagName !== "SELECT") {
      return;
    }
    arrondissement.dataset.filtreAttache = "1";
    departement.addEventListener("change", function () {
      narrow(arrondissement, departement);
    });
    narrow(arrondissement, departement);
  }

  function attachAll() {
    var selects = document.querySelectorAll("select[data-filtre-departement]");
    for (var i = 0; i < selects.length; i++) {
      attach(selects[i]);
    }
  }

  attachAll();
  // Session forms added by "Ajouter une session" (events/sessions.js) come later.
  document.addEventListener("click", function () {
    window.setTimeout(attachAll, 0);
  });
})();
