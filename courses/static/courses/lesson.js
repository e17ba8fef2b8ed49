// Lesson page: record that the lesson was opened, and run its H5P activities.
// Results are sent to the server, which re-scores answers itself: nothing here
// is trusted for completion.
(function () {
  "use strict";

  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  function post(url, body, contentType) {
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      keepalive: true,
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

  var players = Array.prototype.slice.call(document.querySelectorAll(".egide-h5p__player"));
  if (!players.length || !window.H5PStandalone) { return; }

  var staticBase = document.querySelector('script[src*="h5p-standalone/main.bundle.js"]').src
    .replace(/main\.bundle\.js.*$/, "");
  var byIri = {};
  var listening = false;

  function statusOf(el) {
    return el.parentNode.querySelector(".egide-h5p__status");
  }

  function onStatement(event) {
    var statement = event.data && event.data.statement;
    if (!statement || !statement.object || !statement.object.id) { return; }
    var iri = Object.keys(byIri).find(function (key) { return statement.object.id.indexOf(key) === 0; });
    var el = iri && byIri[iri];
    if (!el || !el.dataset.xapiUrl) { return; }
    var verb = (statement.verb && statement.verb.id) || "";
    var sendable = /\/(answered|completed|attempted|interacted)$/.test(verb);
    if (!sendable) { return; }
    // The id makes retries idempotent: the server stores a statement once.
    statement.id = statement.id || uuid4();
    post(el.dataset.xapiUrl, JSON.stringify(statement)).then(function (response) {
      if (/\/(answered|completed)$/.test(verb) && statusOf(el)) {
        statusOf(el).textContent = response.ok
          ? "Réponse enregistrée."
          : "La réponse n'a pas pu être enregistrée : rechargez la page.";
      }
    });
  }

  players.reduce(function (chain, el) {
    return chain.then(function () {
      var iri = window.location.origin + el.dataset.xapiUrl;
      byIri[iri] = el;
      var options = {
        id: "paquet-" + el.dataset.package,
        h5pJsonPath: el.dataset.contentPath,
        librariesPath: el.dataset.librariesPath,
        frameJs: staticBase + "frame.bundle.js",
        frameCss: staticBase + "styles/h5p.css",
        xAPIObjectIRI: iri,
        frame: false,
        copyright: false,
        export: false,
        embed: false,
      };
      if (el.dataset.stateUrl) {
        options.saveFreq = 10;
        options.user = { name: "apprenant", mail: "apprenant@egide.invalid" };
        options.ajax = {
          contentUserDataUrl: el.dataset.stateUrl + "?dataType=:dataType&subContentId=:subContentId",
        };
      }
      return new window.H5PStandalone.H5P(el, options).then(function () {
        if (!listening && window.H5P && window.H5P.externalDispatcher) {
          window.H5P.externalDispatcher.on("xAPI", onStatement);
          listening = true;
        }
      });
    });
  }, Promise.resolve()).catch(function () {
    players.forEach(function (el) {
      if (statusOf(el)) { statusOf(el).textContent = "L'activité n'a pas pu être chargée."; }
    });
  });
})();
