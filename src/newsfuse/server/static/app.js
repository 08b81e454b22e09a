/* newsfuse web UI: citation highlighting and the "add article" button.
 *
 * Article text is untrusted: this script never writes HTML. It only toggles
 * classes, reads data-* attributes it compares as plain strings, and sets
 * textContent / attribute values on elements cloned from a <template>.
 */
(function () {
  "use strict";

  var ACTIVE = "is-active";

  function marksFor(name) {
    var found = [];
    var spans = document.querySelectorAll("mark.span[data-marks]");
    for (var i = 0; i < spans.length; i++) {
      if (spans[i].getAttribute("data-marks").split(" ").indexOf(name) !== -1) {
        found.push(spans[i]);
      }
    }
    return found;
  }

  function clearHighlight() {
    var active = document.querySelectorAll("." + ACTIVE);
    for (var i = 0; i < active.length; i++) {
      active[i].classList.remove(ACTIVE);
    }
  }

  /* Scroll the sources column (when it scrolls on its own, on wide screens) so the
   * span is visible, without moving the page under the reader's pointer. */
  function revealInColumn(span) {
    var column = span.closest(".story-side");
    if (!column || column.scrollHeight <= column.clientHeight + 1) {
      return;
    }
    var style = window.getComputedStyle(column);
    if (style.overflowY !== "auto" && style.overflowY !== "scroll") {
      return;
    }
    var box = column.getBoundingClientRect();
    var rect = span.getBoundingClientRect();
    if (rect.top < box.top + 8 || rect.bottom > box.bottom - 8) {
      column.scrollTop += rect.top - box.top - column.clientHeight / 3;
    }
  }

  function highlight(link) {
    var name = link.getAttribute("data-mark");
    clearHighlight();
    if (!name) {
      return;
    }
    var spans = marksFor(name);
    for (var i = 0; i < spans.length; i++) {
      spans[i].classList.add(ACTIVE);
    }
    link.classList.add(ACTIVE);
    var sentence = link.closest(".brief-sentence, .fact");
    if (sentence) {
      sentence.classList.add(ACTIVE);
    }
    var source = spans.length ? spans[0].closest(".source") : null;
    if (source) {
      source.classList.add(ACTIVE);
      var details = source.querySelector("details");
      if (details && !details.open) {
        details.open = true;
      }
      revealInColumn(spans[0]);
    }
  }

  function setUpCitations() {
    var links = document.querySelectorAll("a[data-mark]");
    for (var i = 0; i < links.length; i++) {
      (function (link) {
        link.addEventListener("mouseenter", function () { highlight(link); });
        link.addEventListener("focus", function () { highlight(link); });
        link.addEventListener("mouseleave", function () {
          if (document.activeElement !== link) { clearHighlight(); }
        });
        link.addEventListener("blur", clearHighlight);
      })(links[i]);
    }
  }

  function setUpAddArticle() {
    var button = document.getElementById("add-article");
    var template = document.getElementById("article-template");
    var list = document.getElementById("article-fields");
    if (!button || !template || !list) {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      var n = String(list.querySelectorAll("fieldset").length + 1);
      var fragment = template.content.cloneNode(true);
      var labelled = fragment.querySelectorAll("[id], [for]");
      for (var i = 0; i < labelled.length; i++) {
        var el = labelled[i];
        if (el.hasAttribute("id")) { el.setAttribute("id", el.getAttribute("id").replace(/-N$/, "-" + n)); }
        if (el.hasAttribute("for")) { el.setAttribute("for", el.getAttribute("for").replace(/-N$/, "-" + n)); }
      }
      var number = fragment.querySelector(".article-number");
      if (number) { number.textContent = n; }
      var first = fragment.querySelector("input, textarea");
      list.appendChild(fragment);
      if (first) { document.getElementById(first.id).focus(); }
    });
  }

  /* The job page: poll the job's URL (the cookie carries the token) and show its
   * progress; reload when it ends, so that the server renders the brief or the error. */
  var JOB_POLL_MS = 1000;

  function setUpJob() {
    var box = document.getElementById("job");
    if (!box) {
      return;
    }
    var url = box.getAttribute("data-job-url");
    var bar = document.getElementById("job-progress");
    var state = document.getElementById("job-state");
    var stage = document.getElementById("job-stage");
    var steps = document.getElementById("job-steps");
    var failure = document.getElementById("job-error");
    var finished = ["done", "failed", "cancelled"];
    if (finished.indexOf(box.getAttribute("data-status")) !== -1) {
      return;
    }
    function show(job) {
      var total = job.progress.total || 1;
      bar.max = total;
      bar.value = Math.min(job.progress.done, total);
      bar.textContent = job.progress.done + " of " + job.progress.total;
      state.textContent = job.status;
      stage.textContent = job.progress.stage;
      steps.textContent = job.progress.done + " of " + job.progress.total;
      box.setAttribute("data-status", job.status);
    }
    function poll() {
      fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (answer) {
          if (!answer.ok) { throw new Error("the job could not be read (" + answer.status + ")"); }
          return answer.json();
        })
        .then(function (job) {
          show(job);
          if (finished.indexOf(job.status) !== -1) {
            window.location.reload();
          } else {
            window.setTimeout(poll, JOB_POLL_MS);
          }
        })
        .catch(function (error) {
          failure.textContent = String(error.message || error);
          failure.hidden = false;
        });
    }
    window.setTimeout(poll, JOB_POLL_MS);
  }

  document.addEventListener("DOMContentLoaded", function () {
    setUpCitations();
    setUpAddArticle();
    setUpJob();
  });
})();

/* The story list refreshes itself while open: the page is fetched again every
 * data-live-refresh seconds and the list's nodes are replaced by the new page's
 * (parsed by DOMParser, so nothing runs and no HTML string is written here). */
(function () {
  "use strict";

  var list = document.querySelector("[data-live-refresh]");
  if (!list || !window.fetch || !window.DOMParser) {
    return;
  }
  var seconds = parseInt(list.getAttribute("data-live-refresh"), 10) || 30;
  var status = document.querySelector("[data-live-status]");

  function refresh() {
    if (document.hidden) {
      return;
    }
    fetch(window.location.href, { headers: { Accept: "text/html" }, credentials: "same-origin" })
      .then(function (answer) {
        return answer.ok ? answer.text() : null;
      })
      .then(function (text) {
        if (text === null) {
          return;
        }
        var fresh = new DOMParser()
          .parseFromString(text, "text/html")
          .querySelector("[data-live-refresh]");
        if (fresh && !fresh.isEqualNode(list)) {
          list.replaceChildren.apply(
            list,
            Array.prototype.map.call(fresh.childNodes, function (node) {
              return document.importNode(node, true);
            })
          );
          if (status) {
            status.textContent = "Updated at " + new Date().toLocaleTimeString() + ".";
          }
        }
      })
      .catch(function () {
        /* The server may be restarting: the next tick tries again. */
      });
  }

  window.setInterval(refresh, seconds * 1000);
})();
