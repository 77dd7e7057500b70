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

// When the state or metro area changes, offer that place's pay range in place (and,
// for a new state, its areas), unless the pay was already changed by hand. Without
// this script, "Update suggested pay" does the same.
(function () {
  var state = document.getElementById("state");
  var metro = document.getElementById("metro");
  var button = document.getElementById("update-pay");
  var min = document.getElementById("pay_min");
  var max = document.getElementById("pay_max");
  var period = document.getElementById("pay_period");
  var source = document.getElementById("pay-suggestion");
  var form = state && state.form;
  if (!state || !button || !min || !max || !period || !source || !window.fetch) {
    return;
  }
  var suggested = { min: min.value, max: max.value };
  button.parentNode.hidden = true;
  function areas(list, chosen) {
    if (!metro) {
      return;
    }
    var whole = document.createElement("option");
    whole.value = "";
    whole.textContent = "The whole state";
    metro.replaceChildren.apply(metro, [whole].concat(list.map(function (area) {
      var option = document.createElement("option");
      option.value = area[0];
      option.textContent = area[1];
      option.selected = area[0] === chosen;
      return option;
    })));
  }
  function update(newState) {
    var query = new URLSearchParams({
      role: form.elements.role.value,
      soc: form.elements.soc.value,
      state: state.value,
      metro: newState || !metro ? "" : metro.value
    });
    fetch("/job-descriptions/suggested-pay?" + query)
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (pay) {
        if (!pay) {
          return;
        }
        if (newState) {
          areas(pay.areas, pay.metro);
        }
        if (min.value !== suggested.min || max.value !== suggested.max) {
          button.parentNode.hidden = false;
          return;
        }
        if (pay.min) {
          min.value = suggested.min = pay.min;
          max.value = suggested.max = pay.max;
          period.value = pay.period;
          source.textContent = pay.source;
          source.hidden = false;
        }
      })
      .catch(function () {});
  }
  state.addEventListener("change", function () { update(true); });
  if (metro) {
    metro.addEventListener("change", function () { update(false); });
  }
})();

// The pay bar and the preview follow what is typed: the form is sent, unsaved, to the
// preview address a moment after each change, and the answer's parts replace these.
// Without this script, "Preview without saving" shows the same.
(function () {
  var form = document.querySelector("form.job-form");
  var bar = document.getElementById("pay-bar");
  var preview = document.getElementById("preview");
  if (!form || !bar || !preview || !window.fetch || !window.DOMParser) {
    return;
  }
  var timer = null;
  var latest = 0;
  function refresh() {
    var asked = ++latest;
    fetch("/job-descriptions/preview", {
      method: "POST",
      body: new URLSearchParams(new FormData(form))
    })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (html === null || asked !== latest) {
          return;
        }
        var fresh = new DOMParser().parseFromString(html, "text/html");
        var freshBar = fresh.getElementById("pay-bar");
        var freshPreview = fresh.getElementById("preview");
        if (!freshBar || !freshPreview) {
          return;
        }
        bar.replaceChildren.apply(bar, Array.prototype.slice.call(freshBar.childNodes));
        // The status line stays the same element, so screen readers hear it change.
        var status = preview.querySelector(".preview-status");
        status.textContent = freshPreview.querySelector(".preview-status").textContent;
        preview.querySelector(".job-posting")
          .replaceWith(freshPreview.querySelector(".job-posting"));
      })
      .catch(function () {});
  }
  function soon() {
    clearTimeout(timer);
    timer = setTimeout(refresh, 300);
  }
  form.addEventListener("input", soon);
  form.addEventListener("change", soon);
})();

// After a failed save, start at the list of what to fix (its links lead to each field).
(function () {
  var summary = document.querySelector(".error-summary");
  if (summary && document.activeElement !== summary) {
    summary.focus();
  }
})();
