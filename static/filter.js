// The salary index's filter box. Without this script it is a GET form the server
// answers; with it, the results are fetched from the same address as you type and
// swapped in, and the address bar follows, so Back and a shared link show the same list.
"use strict";
(function () {
  var form = document.querySelector("form[data-filter]");
  if (!form || !window.fetch || !window.DOMParser) {
    return;
  }
  var input = form.querySelector("input[name=q]");
  var results = document.getElementById(form.getAttribute("data-filter"));
  var timer = null;
  var shown = input.value.trim();
  var latest = 0;

  function show(text) {
    var url = form.action + (text ? "?q=" + encodeURIComponent(text) : "");
    var asked = ++latest;
    fetch(url, { headers: { Accept: "text/html" } })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (html === null || asked !== latest) {
          return;
        }
        var page = new DOMParser().parseFromString(html, "text/html");
        var fresh = page.getElementById(results.id);
        if (!fresh) {
          return;
        }
        results.replaceWith(fresh);
        results = fresh;
        shown = text;
        history.replaceState(null, "", url);
      })
      .catch(function () {});
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var text = input.value.trim();
      if (text !== shown) {
        show(text);
      }
    }, 150);
  });
})();
