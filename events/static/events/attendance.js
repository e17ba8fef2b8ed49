// The attendance sheet on a phone: the search box filters the rows as one types
// (without JavaScript the same box filters on the server), and the count of people
// marked present follows each tap. Saving stays an ordinary form post.
(function () {
  "use strict";
  var sheet = document.getElementById("feuille-presence");
  var search = document.getElementById("recherche-personne");
  var shown = document.getElementById("personnes-affichees");
  var present = document.getElementById("nombre-presents");
  if (!sheet) {
    return;
  }
  var rows = Array.prototype.slice.call(sheet.querySelectorAll("[data-person]"));

  function plain(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
  }

  function filter() {
    var words = plain(search.value).split(/\s+/).filter(Boolean);
    var count = 0;
    rows.forEach(function (row) {
      var name = row.getAttribute("data-person");
      var match = words.every(function (word) {
        return name.indexOf(word) !== -1;
      });
      row.hidden = !match;
      count += match ? 1 : 0;
    });
    if (shown) {
      shown.textContent = shown.getAttribute("data-template").replace("{n}", String(count));
    }
  }

  function checkedPresent() {
    return sheet.querySelectorAll("input[value=present]:checked").length;
  }
  // The server's count covers everyone, rows filtered out by a server search too.
  var others = present ? parseInt(present.textContent, 10) - checkedPresent() : 0;

  function countPresent() {
    if (present) {
      present.textContent = String(others + checkedPresent());
    }
  }

  if (search) {
    search.addEventListener("input", filter);
    // The search form would reload the page: filtering in place keeps the marks not saved yet.
    search.form.addEventListener("submit", function (event) {
      event.preventDefault();
      filter();
    });
  }
  sheet.addEventListener("change", countPresent);
})();
