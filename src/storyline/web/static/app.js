/* storyline web UI behaviour. Article text is untrusted: it only ever reaches the page
   through textContent / createTextNode, never innerHTML. */
(function () {
  "use strict";

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }

  function prettyDate(s) {
    if (!s) return "undated";
    var m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
    if (!m) return s;
    var months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    return parseInt(m[3], 10) + " " + months[parseInt(m[2], 10) - 1] + " " + m[1];
  }

  function token() {
    var input = document.getElementById("token");
    if (input && input.value) {
      try { sessionStorage.setItem("storyline-token", input.value); } catch (e) { /* private mode */ }
      return input.value;
    }
    try { return sessionStorage.getItem("storyline-token") || ""; } catch (e) { return ""; }
  }

  /* ---- story page: cites open the reader at the cited span ---- */
  var articleCache = {};

  function fetchArticle(id) {
    if (!articleCache[id]) {
      articleCache[id] = fetch("/api/articles/" + encodeURIComponent(id), { headers: { Accept: "application/json" } })
        .then(function (r) {
          if (!r.ok) throw new Error("article " + id + ": HTTP " + r.status);
          return r.json();
        });
    }
    return articleCache[id];
  }

  /* Paragraphs of text with [start, end) wrapped in <mark>; offsets are into the whole text. */
  function renderHighlighted(container, text, start, end) {
    container.textContent = "";
    var re = /[^\n]+/g, m, first = null;
    while ((m = re.exec(text)) !== null) {
      var ps = m.index, pe = m.index + m[0].length;
      if (!m[0].trim()) continue;
      var p = el("p");
      if (end <= ps || start >= pe) {
        p.appendChild(document.createTextNode(m[0]));
      } else {
        var a = Math.max(start, ps), b = Math.min(end, pe);
        p.appendChild(document.createTextNode(text.slice(ps, a)));
        var mark = el("mark", "hl", text.slice(a, b));
        p.appendChild(mark);
        if (!first) { first = mark; mark.id = "reader-hl"; }
        p.appendChild(document.createTextNode(text.slice(b, pe)));
      }
      container.appendChild(p);
    }
    return first;
  }

  function setupReader() {
    var reader = document.getElementById("reader");
    if (!reader) return;
    var body = reader.querySelector(".reader-body");
    var empty = reader.querySelector(".reader-empty");
    var textBox = reader.querySelector(".reader-text");
    var meta = reader.querySelector(".reader-meta");
    var title = reader.querySelector(".reader-title");
    var open = reader.querySelector(".reader-open");
    var active = null;

    function close() {
      document.body.classList.remove("reading");
      if (active) active.classList.remove("active");
      active = null;
    }
    reader.querySelector(".reader-close").addEventListener("click", close);
    document.addEventListener("keydown", function (ev) { if (ev.key === "Escape") close(); });

    document.addEventListener("click", function (ev) {
      var a = ev.target.closest ? ev.target.closest("a.cite") : null;
      if (!a || !a.dataset.article || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.button !== 0) return;
      ev.preventDefault();
      var start = parseInt(a.dataset.start, 10), end = parseInt(a.dataset.end, 10);
      if (active) active.classList.remove("active");
      active = a;
      a.classList.add("active");
      reader.setAttribute("aria-busy", "true");
      fetchArticle(a.dataset.article).then(function (art) {
        empty.hidden = true;
        body.hidden = false;
        meta.textContent = (a.dataset.n ? "[" + a.dataset.n + "] " : "") + (art.outlet || "unknown outlet") + " · " + prettyDate(art.published);
        title.textContent = art.title || "(untitled)";
        open.href = a.getAttribute("href");
        var mark = renderHighlighted(textBox, art.text, start, end);
        reader.dataset.article = art.id;
        reader.dataset.start = String(start);
        reader.dataset.end = String(end);
        document.body.classList.add("reading");
        reader.removeAttribute("aria-busy");
        if (mark) {
          // Scroll only the reader's own text box, so the story page stays where it was.
          var top = mark.offsetTop - textBox.offsetTop - textBox.clientHeight / 3;
          textBox.scrollTop = Math.max(0, top);
        }
      }).catch(function (err) {
        reader.removeAttribute("aria-busy");
        empty.hidden = false;
        body.hidden = true;
        empty.querySelector(".muted").textContent = "Could not load the article: " + err.message;
      });
    });
  }

  /* ---- story page: tell the reader when new articles changed the story ---- */
  function setupUpdates() {
    var b = document.body;
    var id = b.dataset.storyId;
    if (!id) return;
    var since = b.dataset.updatedAt || "";
    var n0 = parseInt(b.dataset.nArticles || "0", 10);
    var every = Math.max(500, parseInt(b.dataset.pollMs || "15000", 10));
    var banner = document.getElementById("updates");
    var text = banner.querySelector(".updates-text");
    var timer = null;

    function check() {
      if (document.hidden) return;
      fetch("/api/stories/" + encodeURIComponent(id) + "/updated", { headers: { Accept: "application/json" } })
        .then(function (r) {
          if (r.status === 404) {
            banner.classList.add("gone");
            text.textContent = "This story no longer exists as it was: its articles were regrouped. Go back to the story list.";
            banner.querySelector("a").href = "/";
            banner.querySelector("a").textContent = "Stories";
            banner.hidden = false;
            clearInterval(timer);
            return null;
          }
          return r.ok ? r.json() : null;
        })
        .then(function (d) {
          // updated_at has one-second steps: compare the article count too
          if (!d || ((!d.updated_at || d.updated_at === since) && d.n_articles === n0)) return;
          var diff = d.n_articles - n0;
          text.textContent = diff > 0
            ? "This story has changed since you opened it: " + diff + " new article" + (diff === 1 ? "" : "s") + " (" + d.n_articles + " in all)."
            : "This story has changed since you opened it.";
          banner.hidden = false;
        })
        .catch(function () { /* offline for a moment: try again next time */ });
    }
    timer = setInterval(check, every);
    document.addEventListener("visibilitychange", check);
  }

  /* ---- article page ---- */
  function setupArticle() {
    var box = document.getElementById("article-text");
    if (!box) return;
    document.querySelectorAll("input[data-toggle]").forEach(function (cb) {
      cb.addEventListener("change", function () { box.classList.toggle(cb.dataset.toggle, cb.checked); });
    });
    var hl = document.getElementById("hl");
    if (hl) {
      requestAnimationFrame(function () { hl.scrollIntoView({ block: "center" }); });
    }
    var raw = document.querySelector("details.raw");
    if (raw) {
      raw.addEventListener("toggle", function () {
        var pre = raw.querySelector("pre");
        if (!raw.open || pre.textContent) return;
        pre.textContent = "Loading…";
        fetch(raw.dataset.src).then(function (r) { return r.text(); })
          .then(function (t) { pre.textContent = t; })
          .catch(function (e) { pre.textContent = "Could not load: " + e.message; });
      });
    }
  }

  /* ---- add page: upload with progress, then follow the ingest job ---- */
  function setupUpload() {
    var form = document.getElementById("upload");
    if (!form) return;
    var files = document.getElementById("files");
    var list = document.getElementById("filelist");
    var zone = document.getElementById("dropzone");
    var progress = document.getElementById("progress");
    var bar = document.getElementById("progress-bar");
    var ptext = document.getElementById("progress-text");
    var results = document.getElementById("results");
    var out = document.getElementById("results-body");
    var button = form.querySelector("button[type=submit]");

    function showFiles() {
      list.textContent = "";
      Array.prototype.forEach.call(files.files, function (f) {
        list.appendChild(el("li", "", f.name + " (" + Math.max(1, Math.round(f.size / 1024)) + " KB)"));
      });
    }
    files.addEventListener("change", showFiles);
    ["dragenter", "dragover"].forEach(function (t) {
      zone.addEventListener(t, function (ev) { ev.preventDefault(); zone.classList.add("over"); });
    });
    ["dragleave", "drop"].forEach(function (t) {
      zone.addEventListener(t, function () { zone.classList.remove("over"); });
    });
    zone.addEventListener("drop", function (ev) {
      ev.preventDefault();
      if (ev.dataTransfer && ev.dataTransfer.files.length) { files.files = ev.dataTransfer.files; showFiles(); }
    });

    function setProgress(frac, msg) {
      progress.hidden = false;
      bar.style.width = Math.round(Math.max(0, Math.min(1, frac)) * 100) + "%";
      ptext.textContent = msg;
    }

    function showResult(job) {
      results.hidden = false;
      out.textContent = "";
      if (job.status === "failed" || !job.result) {
        out.appendChild(el("p", "error", "Ingest failed: " + (job.error || "unknown error")));
        return;
      }
      var r = job.result;
      var summary = el("p", "summary");
      summary.appendChild(el("strong", "", r.added.length + " added"));
      summary.appendChild(document.createTextNode(", " + r.unchanged + " already stored" +
        (r.new_versions ? ", " + r.new_versions + " new versions" : "") +
        (r.errors.length ? ", " + r.errors.length + " error" + (r.errors.length === 1 ? "" : "s") : "") + "."));
      out.appendChild(summary);
      if (r.articles.length) {
        var ul = el("ul", "added");
        r.articles.forEach(function (a) {
          var li = el("li");
          var link = el("a", "", a.title || "(untitled)");
          link.href = "/articles/" + encodeURIComponent(a.id);
          li.appendChild(link);
          if (a.story_id) {
            li.appendChild(document.createTextNode(" → in story "));
            var s = el("a", "", a.story_title || a.story_id);
            s.href = "/stories/" + encodeURIComponent(a.story_id);
            li.appendChild(s);
          }
          if (a.duplicate_of) li.appendChild(el("span", "badge copy", "copy"));
          ul.appendChild(li);
        });
        out.appendChild(ul);
      }
      if (r.errors.length) {
        var errs = el("ul", "errors");
        r.errors.forEach(function (e) { errs.appendChild(el("li", "", e)); });
        out.appendChild(errs);
      }
    }

    function follow(jobId) {
      fetch("/api/ingest/jobs/" + encodeURIComponent(jobId), { headers: { Accept: "application/json" } })
        .then(function (r) { return r.json(); })
        .then(function (job) {
          if (job.status === "done" || job.status === "failed") {
            setProgress(1, job.status === "done" ? "Done." : "Failed.");
            button.disabled = false;
            showResult(job);
            return;
          }
          var msg = job.status === "queued" ? "Waiting for the previous upload to finish…"
            : "Reading and grouping articles: " + job.done + " item" + (job.done === 1 ? "" : "s") +
              (job.current ? " (" + job.current + ")" : "") + "…";
          var frac = job.total ? 0.5 + 0.5 * Math.min(1, job.done / Math.max(job.total, job.done, 1)) : 0.6;
          setProgress(frac, msg);
          setTimeout(function () { follow(jobId); }, 400);
        })
        .catch(function (e) { button.disabled = false; setProgress(0, "Lost track of the upload: " + e.message); });
    }

    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var data = new FormData(form);
      data.delete("token");
      var xhr = new XMLHttpRequest();
      xhr.open("POST", "/api/ingest?wait=false");
      xhr.setRequestHeader("Accept", "application/json");
      var t = token();
      if (t) xhr.setRequestHeader("Authorization", "Bearer " + t);
      xhr.upload.addEventListener("progress", function (e) {
        if (e.lengthComputable) {
          setProgress(0.5 * e.loaded / e.total, "Uploading… " + Math.round(100 * e.loaded / e.total) + "%");
        }
      });
      xhr.addEventListener("load", function () {
        var body = null;
        try { body = JSON.parse(xhr.responseText); } catch (e) { body = null; }
        if (xhr.status === 202 && body) {
          setProgress(0.5, "Uploaded. Reading articles…");
          follow(body.id);
        } else {
          button.disabled = false;
          var msg = body && body.detail ? (typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail)) : "HTTP " + xhr.status;
          setProgress(0, "Not accepted: " + msg);
        }
      });
      xhr.addEventListener("error", function () { button.disabled = false; setProgress(0, "Upload failed: the server could not be reached."); });
      button.disabled = true;
      results.hidden = true;
      setProgress(0, "Uploading…");
      xhr.send(data);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    setupReader();
    setupUpdates();
    setupArticle();
    setupUpload();
  });
})();
