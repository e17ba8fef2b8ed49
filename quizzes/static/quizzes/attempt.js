// Countdown of a timed attempt; sends the form when the time is up (the server
// still decides: it refuses a submission past the deadline and its grace period).
// Also brings the warning about blank questions into view when the server sent one.
(function () {
  "use strict";
  var warning = document.getElementById("questions-sans-reponse");
  if (warning) warning.focus();
  var timer = document.querySelector(".egide-quiz-timer");
  var form = document.getElementById("quiz-form");
  if (!timer || !form) return;
  var end = Date.now() + parseInt(timer.dataset.remaining, 10) * 1000;
  var left = timer.querySelector(".egide-quiz-timer__left");
  var sent = false;
  form.addEventListener("submit", function () { sent = true; });
  function tick() {
    var seconds = Math.max(0, Math.round((end - Date.now()) / 1000));
    var minutes = Math.floor(seconds / 60);
    left.textContent = " (" + minutes + " min " + String(seconds % 60).padStart(2, "0") + " s)";
    if (seconds === 0 && !sent) {
      sent = true;
      // Time is up: send as it stands, without the warning about blank questions.
      var confirm = document.createElement("input");
      confirm.type = "hidden";
      confirm.name = "envoi_confirme";
      confirm.value = "1";
      form.appendChild(confirm);
      form.submit();
      return;
    }
    window.setTimeout(tick, 1000);
  }
  tick();
})();
