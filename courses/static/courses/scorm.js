// Lesson page: play SCORM 1.2 and 2004 packages with the scorm-again run-time.
// One SCO plays at a time on the page: launching asks the server for the learner's
// data (where she stopped, her statuses) and the address commits go to; the SCO,
// framed below its buttons, finds the SCORM API on this window (window.API for 1.2,
// window.API_1484_11 for 2004). The run-time commits 10 seconds after a change, when the SCO
// commits or finishes, and a beacon carries the last state when the page is left.
// Statuses and scores are the package's own word: the server records them as sent.
(function () {
  "use strict";

  var players = Array.prototype.slice.call(document.querySelectorAll(".egide-scorm__player"));
  if (!players.length || !window.Scorm12API) { return; }

  var current = null; // {api, commitUrl, player, finished}

  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  function statusLine(player) {
    return player.parentNode.querySelector(".egide-scorm__status");
  }

  function say(player, text) {
    var line = statusLine(player);
    if (line && text) { line.textContent = text; }
  }

  // Read the server's answer to a commit: scorm-again wants {result, errorCode};
  // the status line shows what the server recorded.
  function readAnswer(text, httpStatus, player) {
    var answer = null;
    try { answer = JSON.parse(text); } catch (error) { answer = null; }
    if (answer && answer.status) { say(player, answer.status); }
    if (answer && answer.message) { say(player, answer.message); }
    if (httpStatus >= 200 && httpStatus < 300) {
      return { result: "true", errorCode: 0 };
    }
    return { result: "false", errorCode: 391 };
  }

  // The last state, sent however the page goes away (closing, navigating, a phone
  // putting the tab to sleep): a beacon survives the page.
  function sendLastState() {
    if (!current || current.finished || !navigator.sendBeacon) { return; }
    try {
      var body = JSON.stringify(current.api.renderCommitCMI(true));
      navigator.sendBeacon(current.commitUrl, new Blob([body], { type: "text/plain;charset=UTF-8" }));
    } catch (error) {
      // Nothing more can be done while the page goes away.
    }
  }

  function stop() {
    if (!current) { return; }
    sendLastState();
    var frame = current.player.querySelector(".egide-scorm__frame");
    // Unloading the SCO lets it finish (most call LMSFinish or Terminate on unload).
    frame.setAttribute("src", "about:blank");
    frame.hidden = true;
    current = null;
  }

  function start(player, button) {
    stop();
    button.disabled = true;
    fetch(button.getAttribute("data-launch-url"), {
      method: "POST",
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrfToken(), "Content-Type": "application/json" },
      body: "{}",
    })
      .then(function (response) {
        if (!response.ok) { throw new Error(String(response.status)); }
        return response.json();
      })
      .then(function (launch) {
        var version = player.getAttribute("data-version");
        var settings = {
          lmsCommitUrl: launch.commit_url,
          autocommit: true,
          autocommitSeconds: 10,
          dataCommitFormat: "json",
          fetchMode: "same-origin",
          xhrHeaders: { "X-CSRFToken": csrfToken() },
          logLevel: 5,
          xhrResponseHandler: function (xhr) { return readAnswer(xhr.responseText, xhr.status, player); },
        };
        var api = version === "2004" ? new window.Scorm2004API(settings) : new window.Scorm12API(settings);
        api.loadFromJSON(launch.cmi);
        var session = { api: api, commitUrl: launch.commit_url, player: player, finished: false };
        ["LMSFinish", "Terminate"].forEach(function (name) {
          api.on(name, function () { session.finished = true; });
        });
        if (version === "2004") {
          window.API_1484_11 = api;
        } else {
          window.API = api;
        }
        current = session;
        var frame = player.querySelector(".egide-scorm__frame");
        frame.setAttribute("title", player.getAttribute("data-frame-title"));
        frame.setAttribute("src", launch.launch_url);
        frame.hidden = false;
        frame.focus();
      })
      .catch(function () {
        say(player, player.getAttribute("data-launch-error"));
      })
      .then(function () { button.disabled = false; });
  }

  players.forEach(function (player) {
    Array.prototype.forEach.call(player.querySelectorAll(".egide-scorm__launch"), function (button) {
      button.addEventListener("click", function () { start(player, button); });
    });
  });
  window.addEventListener("pagehide", sendLastState);
})();
