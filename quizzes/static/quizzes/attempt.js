// Countdown of a timed attempt; sends the form when the time is up (the server
// still decides: it refuses a submission past the deadline and its grace period).
(function () {
  "use strict";
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
      form.submit();
      return;
    }
    window.setTimeout(tick, 1000);
  }
  tick();
})();
