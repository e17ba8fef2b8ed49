// Lesson page: record that the lesson was opened, and run its H5P activities.
// Statements go to the server, which re-scores answers itself: nothing here is
// trusted for completion or success. The status line under each activity shows
// what the server answered.
(function () {
  "use strict";

  var VERBS = "http://adlnet.gov/expapi/verbs/";
  // Statements worth the server's attention: answers and totals, the start of an
  // attempt, and views (Accordion's "consume", our own "experienced"). Interactions
  // and progress (every drag, every slide) are not sent.
  var SENT_VERBS = /\/(answered|completed|attempted|consumed?|experienced)$/;
  // fetch() refuses keepalive bodies over 64 KiB in flight; larger reports go without it.
  var KEEPALIVE_MAX = 60000;

  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  function post(url, body, contentType) {
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      keepalive: body.length < KEEPALIVE_MAX,
      headers: { "X-CSRFToken": csrfToken(), "Content-Type": contentType || "application/json" },
      body: body,
    });
  }

  function uuid4() {
    if (window.crypto && window.crypto.randomUUID) { return window.crypto.randomUUID(); }
    return "10000000-1000-4000-8000-100000000000".replace(/[018]/g, function (c) {
      return (c ^ (window.crypto.getRandomValues(new Uint8Array(1))[0] & (15 >> (c / 4)))).toString(16);
    });
  }

  var root = document.querySelector("[data-lesson-start-url]");
  if (root && root.getAttribute("data-lesson-start-url")) {
    post(root.getAttribute("data-lesson-start-url"), "{}");
  }

  var elements = Array.prototype.slice.call(document.querySelectorAll(".egide-h5p__player"));
  if (!elements.length || !window.H5PStandalone) { return; }

  var settingsElement = document.getElementById("egide-h5p-settings");
  var settings = settingsElement ? JSON.parse(settingsElement.textContent) : {};
  var messages = settings.messages || {};
  var staticBase = document.querySelector('script[src*="h5p-standalone/main.bundle.js"]').src
    .replace(/main\.bundle\.js.*$/, "");
  var players = [];
  var listening = false;

  // One activity on the page: its element, its endpoints, and the queue that sends
  // its statements one after another (a set's total never overtakes its last answer).
  function Player(el) {
    this.el = el;
    this.id = "paquet-" + el.dataset.package;
    this.xapiUrl = el.dataset.xapiUrl || "";
    this.stateUrl = el.dataset.stateUrl || "";
    this.iri = window.location.origin + el.dataset.xapiUrl;
    this.mail = el.dataset.xapiMail || "";
    this.queue = Promise.resolve();
    this.status = el.parentNode.querySelector(".egide-h5p__status");
  }

  Player.prototype.say = function (text) {
    if (this.status && text) { this.status.textContent = text; }
  };

  Player.prototype.iframe = function () {
    return this.el.querySelector("iframe.h5p-iframe");
  };

  // The H5P core running inside the activity's frame, once the content is created.
  Player.prototype.frameH5P = function () {
    var frame = this.iframe();
    var h5p = frame && frame.contentWindow && frame.contentWindow.H5P;
    return h5p && h5p.instances && h5p.instances.length && h5p.jQuery ? h5p : null;
  };

  Player.prototype.owns = function (objectId) {
    return objectId === this.iri || objectId.indexOf(this.iri + "?") === 0;
  };

  // The learner's pseudonymous actor (courses.rendering); without it, no actor at
  // all: the server records the statement for the signed-in learner anyway.
  Player.prototype.withActor = function (statement) {
    if (this.mail) {
      statement.actor = { name: "apprenant", mbox: "mailto:" + this.mail, objectType: "Agent" };
    } else {
      delete statement.actor;
    }
    return statement;
  };

  Player.prototype.send = function (body) {
    var player = this;
    var text = JSON.stringify(body);
    player.queue = player.queue.then(function () {
      return post(player.xapiUrl, text).then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (data) {
          if (response.ok) {
            player.say(data.message);
          } else if (response.status === 409) {
            return; // sent twice (a retry): the server has it already
          } else if (response.status === 400) {
            player.say(data.message || messages.refused);
          } else {
            player.say(messages.failed);
          }
        });
      }, function () {
        player.say(messages.failed);
      });
    });
    return player.queue;
  };

  Player.prototype.onStatement = function (original) {
    var verb = (original.verb && original.verb.id) || "";
    if (this.stateUrl) {
      // Every step (a choice, the next question, an answer) is kept shortly after, not
      // at H5P's next periodic save nor only when the page is left: a save sent while
      // the page unloads may reach the server after the next page has read the state.
      clearTimeout(this.saveTimer);
      this.saveTimer = setTimeout(this.saveState.bind(this), 400);
    }
    if (!this.xapiUrl || !SENT_VERBS.test(verb)) { return; }
    // A copy: H5P keeps its own statement object.
    var statement = this.withActor(JSON.parse(JSON.stringify(original)));
    // The id makes retries idempotent: the server stores a statement once.
    statement.id = statement.id || uuid4();
    this.send(statement);
    if (this.el.dataset.report === "1" && /\/completed$/.test(verb) && statement.object.id === this.iri) {
      this.sendReport();
    }
  };

  // SingleChoiceSet and BranchingScenario only tell the learner's real choices in
  // H5P's reporting data: sent once the content completes, after its statement.
  Player.prototype.sendReport = function () {
    var h5p = this.frameH5P();
    var instance = h5p && h5p.instances[0];
    if (!instance || typeof instance.getXAPIData !== "function") { return; }
    var data = instance.getXAPIData();
    if (!data || !data.statement) { return; }
    var statement = this.withActor(data.statement);
    statement.id = uuid4();
    this.send({ statement: statement, children: data.children || [] });
  };

  // Content without an answer key is done once seen: one "experienced" statement
  // when the player has loaded and is on screen.
  Player.prototype.watchView = function () {
    var player = this;
    if (!player.xapiUrl || player.el.dataset.completesOnView !== "1") { return; }
    var sendOnce = function () {
      if (player.viewed) { return; }
      player.viewed = true;
      player.send(player.withActor({
        id: uuid4(),
        verb: { id: VERBS + "experienced", display: { "en-US": "experienced" } },
        object: {
          id: player.iri,
          objectType: "Activity",
          definition: { name: { "fr-FR": player.el.dataset.title || "" } },
        },
      }));
    };
    if (!window.IntersectionObserver) { sendOnce(); return; }
    var observer = new IntersectionObserver(function (entries) {
      if (entries.some(function (entry) { return entry.isIntersecting; })) {
        observer.disconnect();
        sendOnce();
      }
    });
    observer.observe(player.el);
  };

  // H5P saves the resume state itself (every saveFreq seconds, after a completion),
  // with the jQuery of the activity's frame: give those requests the CSRF token.
  Player.prototype.prepareStateSaving = function (h5p) {
    var stateUrl = this.stateUrl;
    h5p.jQuery.ajaxPrefilter(function (options, original, request) {
      if (options.type !== "POST" || options.url.indexOf(stateUrl) !== 0) { return; }
      request.setRequestHeader("X-CSRFToken", csrfToken());
    });
  };

  // Leaving the page (reload, next lesson) must not lose what was done since H5P's
  // last save: send the current state if it changed.
  Player.prototype.saveState = function () {
    var h5p = this.frameH5P();
    var instance = h5p && h5p.instances[0];
    if (!this.stateUrl || !instance || typeof instance.getCurrentState !== "function") { return; }
    var state = instance.getCurrentState();
    if (state === undefined) { return; }
    var data = JSON.stringify(state);
    var content = h5p.getContentForInstance ? h5p.getContentForInstance(this.id) : null;
    var saved = content && content.contentUserData && content.contentUserData[0];
    if (saved && saved.state === data) { return; }
    if (saved) { saved.state = data; }
    var body = new URLSearchParams({ data: data, preload: "1", invalidate: "0" }).toString();
    post(this.stateUrl + "?dataType=state&subContentId=0", body,
      "application/x-www-form-urlencoded; charset=UTF-8");
  };

  // The saved state, read before the player starts: H5P core only restores a state
  // it has when the content is created (a state fetched later is never used).
  Player.prototype.loadState = function () {
    if (!this.stateUrl) { return Promise.resolve(null); }
    return fetch(this.stateUrl + "?dataType=state&subContentId=0", { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : {}; })
      .then(function (body) { return typeof body.data === "string" ? body.data : null; })
      .catch(function () { return null; });
  };

  Player.prototype.options = function (state) {
    var el = this.el;
    var language = el.dataset.language;
    var options = {
      id: this.id,
      h5pJsonPath: el.dataset.contentPath,
      librariesPath: el.dataset.librariesPath,
      frameJs: staticBase + "frame.bundle.js",
      frameCss: staticBase + "styles/h5p.css",
      xAPIObjectIRI: this.iri,
      // The content's own title (DragQuestion shows it) and language (the frame's lang).
      title: el.dataset.title,
      metadata: {
        title: el.dataset.title,
        license: "U",
        defaultLanguage: language && language !== "und" ? language : document.documentElement.lang,
      },
      translations: settings.l10n || {},
      frame: false,
      copyright: false,
      export: false,
      embed: false,
    };
    if (this.stateUrl) {
      options.saveFreq = 10;
      options.user = { name: "apprenant", mail: this.mail || "apprenant@egide.invalid" };
      options.ajax = {
        contentUserDataUrl: this.stateUrl + "?dataType=:dataType&subContentId=:subContentId",
      };
      if (state) { options.contentUserData = [{ state: state }]; }
    }
    return options;
  };

  // The frame h5p-standalone adds gets a title as soon as it is there (axe frame-title).
  Player.prototype.titleFrame = function () {
    var el = this.el;
    var name = el.dataset.frameTitle || el.dataset.title || "";
    var apply = function () {
      var frame = el.querySelector("iframe.h5p-iframe");
      if (frame && !frame.getAttribute("title")) { frame.setAttribute("title", name); }
      return !!frame;
    };
    if (apply() || !window.MutationObserver) { return; }
    var observer = new MutationObserver(function () {
      if (apply()) { observer.disconnect(); }
    });
    observer.observe(el, { childList: true, subtree: true });
  };

  // Calls back once the content runs in its frame (H5P creates it after the frame's
  // own scripts have loaded, later than h5p-standalone's promise resolves).
  Player.prototype.whenRunning = function (callback) {
    var player = this;
    var tries = 0;
    (function check() {
      var h5p = player.frameH5P();
      if (h5p) { callback(h5p); return; }
      tries += 1;
      if (tries < 600) { setTimeout(check, 100); }
    })();
  };

  Player.prototype.start = function () {
    var player = this;
    player.titleFrame();
    return player.loadState().then(function (state) {
      return new window.H5PStandalone.H5P(player.el, player.options(state));
    }).then(function () {
      player.loaded = true;
      if (!listening && window.H5P && window.H5P.externalDispatcher) {
        window.H5P.externalDispatcher.on("xAPI", dispatch);
        listening = true;
      }
      player.whenRunning(function (h5p) {
        if (player.stateUrl) {
          player.prepareStateSaving(h5p);
        }
        player.watchView();
      });
    });
  };

  function dispatch(event) {
    var statement = event.data && event.data.statement;
    var objectId = statement && statement.object && statement.object.id;
    if (!objectId) { return; }
    players.forEach(function (player) {
      if (player.owns(objectId)) { player.onStatement(statement); }
    });
  }

  function saveStates() {
    players.forEach(function (player) { player.saveState(); });
  }

  // Leaving the page: beforeunload comes while the activities' frames still run
  // (pagehide and visibilitychange come once they are gone, but for a tab hidden).
  window.addEventListener("beforeunload", saveStates);
  window.addEventListener("pagehide", saveStates);
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") { saveStates(); }
  });

  // One player at a time: h5p-standalone prepares each in the page's one
  // H5PIntegration object.
  players = elements.map(function (el) { return new Player(el); });
  players.reduce(function (chain, player) {
    return chain.then(function () { return player.start(); });
  }, Promise.resolve()).catch(function () {
    players.forEach(function (player) {
      if (!player.loaded) { player.say(messages.loadFailed); }
    });
  });
})();
