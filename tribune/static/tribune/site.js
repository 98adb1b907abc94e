// Counts one read of an article per browser per day for "Most read". Crawlers that run no
// script are not counted; the server counts only live articles.
(function () {
  "use strict";
  var article = document.querySelector("[data-reads-url]");
  if (!article || !window.fetch) return;
  var key = "tribune-read:" + article.dataset.articleId + ":" + new Date().toISOString().slice(0, 10);
  try {
    if (window.localStorage.getItem(key)) return;
    window.localStorage.setItem(key, "1");
  } catch (e) {
    return; // storage refused: count nothing rather than count every reload
  }
  fetch(article.dataset.readsUrl, { method: "POST", credentials: "omit", keepalive: true }).catch(function () {});
})();

// Comments: a live character counter, "more comments" without leaving the page, and reply forms
// opened in place. Without this script every action still works through its own page.
(function () {
  "use strict";

  function counter(textarea) {
    var limit = parseInt(textarea.dataset.maxLength, 10);
    var output = document.getElementById(textarea.dataset.counter || textarea.getAttribute("aria-describedby"));
    if (!limit || !output) return;
    var template = output.dataset.template || output.textContent;
    output.dataset.template = template;
    function update() {
      var used = Array.from(textarea.value.trim()).length;
      output.textContent = used + " / " + limit;
      output.classList.toggle("comment-form__counter--over", used > limit);
      // Announced only when it matters: a screen reader hears nothing on every keystroke.
      output.setAttribute("aria-live", used > limit ? "assertive" : "off");
    }
    textarea.addEventListener("input", update);
    update();
  }
  document.querySelectorAll("textarea[data-max-length]").forEach(counter);

  // The nudge and other messages that answer a post: the reader's focus goes to them, so that a
  // screen reader reads them first; "Edit my comment" puts the cursor in the text.
  var message = document.querySelector("[data-focus-on-load]");
  if (message) message.focus();
  document.querySelectorAll("[data-edit-comment]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      var area = document.getElementById(link.getAttribute("href").slice(1));
      if (!area) return;
      event.preventDefault();
      area.focus();
      area.setSelectionRange(area.value.length, area.value.length);
    });
  });

  var section = document.getElementById("comments");
  if (!section) return;

  section.addEventListener("click", function (event) {
    var more = event.target.closest("[data-more-url]");
    if (more) {
      event.preventDefault();
      fetch(more.dataset.moreUrl, { credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.text() : Promise.reject(response); })
        .then(function (html) {
          var holder = document.createElement("div");
          holder.innerHTML = html;
          var list = section.querySelector(".thread");
          holder.querySelectorAll(".thread > .comment").forEach(function (item) { list.appendChild(item); });
          var paragraph = more.closest(".load-more");
          var next = holder.querySelector(".load-more");
          if (next) { paragraph.replaceWith(next); } else { paragraph.remove(); }
        })
        .catch(function () { window.location.href = more.href; });
      return;
    }
    var reply = event.target.closest("[data-reply-to]");
    var form = document.getElementById("comment-form");
    if (reply && form) {
      event.preventDefault();
      var existing = section.querySelector(".comment-form--reply");
      if (existing) existing.remove();
      var copy = form.cloneNode(true);
      copy.id = "reply-form";
      copy.classList.add("comment-form--reply");
      var hidden = document.createElement("input");
      hidden.type = "hidden"; hidden.name = "parent"; hidden.value = reply.dataset.replyTo;
      copy.appendChild(hidden);
      var area = copy.querySelector("textarea");
      area.id = "reply-form-text"; area.value = "";
      var label = copy.querySelector("label");
      label.setAttribute("for", "reply-form-text");
      if (form.dataset.replyLabel) label.textContent = form.dataset.replyLabel;
      var button = copy.querySelector("button[type=submit]");
      if (form.dataset.replyButton) button.textContent = form.dataset.replyButton;
      var output = copy.querySelector(".comment-form__counter");
      output.id = "reply-form-counter"; area.setAttribute("aria-describedby", "reply-form-counter");
      area.dataset.counter = "reply-form-counter";
      reply.closest("article").appendChild(copy);
      counter(area);
      area.focus();
    }
  });
})();
