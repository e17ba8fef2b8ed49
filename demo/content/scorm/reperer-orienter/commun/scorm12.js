/* Égide — the smallest SCORM 1.2 client: find the LMS's API, then report a score. */
"use strict";

function findApi(win) {
  for (let tries = 0; win && tries < 10; tries += 1) {
    if (win.API) {
      return win.API;
    }
    if (win.parent === win) {
      break;
    }
    win = win.parent;
  }
  return null;
}

const api = findApi(window) || (window.opener && findApi(window.opener));

function scormStart() {
  if (!api || api.LMSInitialize("") !== "true") {
    document.getElementById("etat").textContent = "Plateforme introuvable : rien n'est enregistré.";
    return false;
  }
  const suspended = api.LMSGetValue("cmi.suspend_data");
  document.getElementById("etat").textContent = suspended
    ? "Reprise : " + suspended
    : "Première visite.";
  return true;
}

function scormReport(score, status, suspendData) {
  if (!api) {
    return;
  }
  api.LMSSetValue("cmi.core.score.min", "0");
  api.LMSSetValue("cmi.core.score.max", "100");
  api.LMSSetValue("cmi.core.score.raw", String(score));
  api.LMSSetValue("cmi.core.lesson_status", status);
  api.LMSSetValue("cmi.suspend_data", suspendData);
  api.LMSCommit("");
}

function scormFinish() {
  if (api) {
    api.LMSFinish("");
  }
}

// Each button says what it reports: no inline script, so a strict CSP can serve the pages.
document.addEventListener("DOMContentLoaded", function () {
  scormStart();
  document.querySelectorAll("button[data-score]").forEach(function (button) {
    button.addEventListener("click", function () {
      scormReport(button.dataset.score, button.dataset.status, button.dataset.suspend);
      scormFinish();
    });
  });
});
window.addEventListener("beforeunload", scormFinish);
