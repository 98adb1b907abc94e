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
