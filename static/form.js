// The job description form. It works without this script; with it, the "Start from a
// job title" field offers matching titles as you type.
"use strict";
(function () {
  var input = document.getElementById("start-title");
  var list = document.getElementById("title-options");
  if (!input || !list || !window.fetch) {
    return;
  }
  var timer = null;
  var asked = "";
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var prefix = input.value.trim();
      if (prefix.length < 2 || prefix === asked) {
        return;
      }
      asked = prefix;
      fetch("/job-descriptions/titles?q=" + encodeURIComponent(prefix))
        .then(function (response) { return response.ok ? response.json() : []; })
        .then(function (titles) {
          list.replaceChildren.apply(list, titles.map(function (title) {
            var option = document.createElement("option");
            option.value = title;
            return option;
          }));
        })
        .catch(function () {});
    }, 150);
  });
})();
