/* news-archive search page: the query lives in the URL (?q=...&source=&event=&from=&to=), so a search
 * can be shared and the back button works. Pieces of the index are loaded with <script> elements,
 * which works from a static host and from a page opened straight from disk.
 * Filters are applied while walking the ranked results, loading records as needed.
 * Text from the archive is only ever inserted as text nodes. */
(function () {
  "use strict";

  var script = document.currentScript;
  var piecesBase = new URL(script.getAttribute("data-pieces"), document.baseURI);
  var siteRoot = new URL(script.getAttribute("data-root"), document.baseURI);
  var PAGE = 20;

  // --- loading pieces -------------------------------------------------------------------------
  var waiting = {}, loading = {};
  var early = (window.newsArchiveSearch && window.newsArchiveSearch.early) || {};  // run before this script
  // pieces the page's head asked for (the manifest), by name: looked up once, not at every load
  var sentByHead = {};
  Array.prototype.forEach.call(document.querySelectorAll("script[data-piece]"), function (el) {
    sentByHead[el.getAttribute("data-piece")] = el;
  });
  window.newsArchiveSearch = {
    piece: function (name, data) {
      var w = waiting[name];
      if (w) { delete waiting[name]; w.resolve(data); }
      else early[name] = data;  // asked for by the page's head, arriving before it is wanted
    }
  };
  function load(name) {
    if (loading[name]) return loading[name];
    if (name in early) {
      loading[name] = Promise.resolve(early[name]);
      delete early[name];
      return loading[name];
    }
    loading[name] = new Promise(function (resolve, reject) {
      waiting[name] = { resolve: resolve, reject: reject };
      function failed() {
        delete waiting[name];
        delete loading[name];
        reject(new Error("could not load the search index (" + name + ")"));
      }
      // asked for by the page's head (the manifest) and still on its way: waited for, not asked again
      // (once: a later load, after a failure, asks again)
      var sent = sentByHead[name];
      delete sentByHead[name];
      if (sent && !sent.hasAttribute("data-failed")) {
        sent.addEventListener("error", failed);
        return;
      }
      var el = document.createElement("script");
      el.src = new URL(name + ".js", piecesBase).href;
      el.async = true;
      el.onerror = failed;
      document.head.appendChild(el);
    });
    return loading[name];
  }

  // --- the query ------------------------------------------------------------------------------
  // Strip punctuation around each term as lunr's trimmer does at indexing time ("U.S." -> "U.S"),
  // keeping lunr's own syntax: +/- presence, field:, trailing * and ~N, ^N.
  function normalise(query) {
    return NewsArchiveIndex.searchText(query).split(/\s+/).map(function (token) {
      var m = token.match(/^([+-]?)((?:[A-Za-z]+:)?)(.*?)((?:[~^]\d+)*)$/);
      if (!m) return token;
      var core = m[3].replace(/^[^\w*]+/, "").replace(/[^\w*]+$/, "");
      return core ? m[1] + m[2] + core + m[4] : "";
    }).filter(Boolean).join(" ");
  }

  function params() {
    var p = new URLSearchParams(window.location.search);
    return { q: p.get("q") || "", source: p.get("source") || "", event: p.get("event") || "", from: p.get("from") || "", to: p.get("to") || "" };
  }
  // While the first search's tails are on their way, a result from its heads is shown off the page
  // (page() sets warmShow): a fresh page's first showing of a result compiles what it runs.
  var warmShow = null;
  var index = typeof lunr === "undefined" ? null : new NewsArchiveIndex.SplitIndex(lunr, load, {
    warm: function (result) { if (warmShow) warmShow(result); }
  });

  // The search the address asks for starts at once, as this script runs (at the page's end, once the
  // page is laid out and painted): its terms' pieces are on their way before the page's own setup.
  if (index) {
    var asked = normalise(params().q);
    if (asked) index.prefetch(asked);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", page);
  else page();

  // The page itself, once it is parsed: the form, the filters, the results.
  function page() {
    var form = document.getElementById("search-form");
    var box = document.getElementById("search-q");
    var status = document.getElementById("search-status");
    var list = document.getElementById("search-results");
    var more = document.getElementById("search-more");
    var filters = document.getElementById("search-filters");
    var selects = null, dates = null;  // the filters' controls, once made (controls())

    if (!index) {
      status.textContent = "Search could not start: lunr.js is missing from this site (the build could not find it).";
      return;
    }
    var textPipeline = new lunr.Pipeline();
    textPipeline.add(lunr.trimmer, lunr.stopWordFilter, lunr.stemmer);

    // The filters' controls, made from their template the first time they are needed: when the filters
    // are opened, or a search's address or history holds a filter.
    function controls() {
      if (selects) return;
      var template = document.getElementById("search-filter-controls");
      template.parentNode.replaceChild(template.content.cloneNode(true), template);
      selects = { source: document.getElementById("filter-source"), event: document.getElementById("filter-event") };
      dates = { from: document.getElementById("filter-from"), to: document.getElementById("filter-to") };
      [selects.source, selects.event, dates.from, dates.to].forEach(function (el) {
        el.addEventListener("change", function () { go(true); });
      });
    }

    function currentState() {
      if (!selects) return { q: box.value.trim(), source: "", event: "", from: "", to: "" };
      return { q: box.value.trim(), source: selects.source.value, event: selects.event.value, from: dates.from.value, to: dates.to.value };
    }
    function toUrl(state) {
      var p = new URLSearchParams();
      ["q", "source", "event", "from", "to"].forEach(function (k) { if (state[k]) p.set(k, state[k]); });
      var s = p.toString();
      return window.location.pathname + (s ? "?" + s : "");
    }
    function fill(state) {
      box.value = state.q;
      if (filtered(state)) controls();
      if (!selects) return;
      setSelect(selects.source, state.source);
      setSelect(selects.event, state.event);
      dates.from.value = state.from;
      dates.to.value = state.to;
    }
    function setSelect(select, value) {
      if (value && !Array.prototype.some.call(select.options, function (o) { return o.value === value; })) {
        select.appendChild(new Option(value, value));
      }
      select.value = value;
    }
    function filtered(state) { return !!(state.source || state.event || state.from || state.to); }

    // --- facets, loaded only when filters are used ---------------------------------------------
    var facetsLoaded = null;
    function loadFacets() {
      if (facetsLoaded) return facetsLoaded;
      controls();
      facetsLoaded = load("facets").then(NewsArchiveIndex.unpack).then(function (facets) {
        var keep = currentState();
        facets.sources.forEach(function (s) { if (s !== keep.source) selects.source.appendChild(new Option(s, s)); });
        facets.events.forEach(function (e) { if (e !== keep.event) selects.event.appendChild(new Option(e, e)); });
        if (facets.first) { dates.from.min = dates.to.min = facets.first; }
        if (facets.last) { dates.from.max = dates.to.max = facets.last; }
      });
      return facetsLoaded;
    }
    filters.addEventListener("toggle", function () { if (filters.open) loadFacets(); });
    if (filters.open) loadFacets();  // opened before this script ran

    function passes(record, state) {
      if (state.source && record.s !== state.source) return false;
      if (state.event && record.e !== state.event) return false;
      var day = (record.d || "").slice(0, 10);
      if (state.from && (!day || day < state.from)) return false;
      if (state.to && (!day || day > state.to)) return false;
      return true;
    }

    // --- results --------------------------------------------------------------------------------
    function highlighted(text, matched, limit) {
      var frag = document.createDocumentFragment();
      var pieces = text.split(/([\s\-]+)/), hits = NewsArchiveIndex.matchingWords(lunr, textPipeline, pieces, matched);
      var start = 0, end = pieces.length;
      if (limit && pieces.length > limit) {
        start = hits.length ? Math.max(0, hits[0] - 16) : 0;
        start -= start % 2;
        end = Math.min(pieces.length, start + limit);
      }
      if (start > 0) frag.appendChild(document.createTextNode("\u2026 "));
      for (var j = start; j < end; j++) {
        if (j % 2 === 0 && hits.indexOf(j) >= 0) {
          // mark the word, not the punctuation around it: "(Vladivostok," -> "(" <mark>Vladivostok</mark> ","
          var parts = pieces[j].match(/^(\W*)(.*?)(\W*)$/) || ["", "", pieces[j], ""];
          if (parts[1]) frag.appendChild(document.createTextNode(parts[1]));
          var mark = document.createElement("mark");
          mark.textContent = parts[2] || pieces[j];
          frag.appendChild(mark);
          if (parts[3]) frag.appendChild(document.createTextNode(parts[3]));
        } else {
          frag.appendChild(document.createTextNode(pieces[j]));
        }
      }
      if (end < pieces.length) frag.appendChild(document.createTextNode(" \u2026"));
      return frag;
    }

    // A made-up record whose every text holds the result's terms, shown into an element never
    // added to the page.
    warmShow = function (result) {
      var words = Object.keys(result.matchData.metadata).join(" ");
      resultItem({ u: "#", h: words, x: words }, result);
    };

    function resultItem(record, result) {
      var matched = Object.create(null); // terms such as "__proto__" too
      Object.keys(result.matchData.metadata).forEach(function (t) { matched[t] = true; });
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = new URL(record.u, siteRoot).href;
      a.appendChild(highlighted(record.h, matched, 0));
      li.appendChild(a);
      var meta = document.createElement("p");
      meta.className = "result-meta";
      meta.textContent = [record.s, record.e, record.t].filter(Boolean).join(" \u00b7 ");
      li.appendChild(meta);
      if (record.x) {
        var snippet = document.createElement("p");
        snippet.className = "snippet";
        snippet.appendChild(highlighted(record.x, matched, 70));
        li.appendChild(snippet);
      }
      return li;
    }

    var run = 0, walk = null;

    // Results come ranked; an unfiltered search first has only its first page (searchTop: exact, loaded
    // without whole posting lists), and the rest is fetched when the reader asks for more.
    function showMore() {
      var mine = walk;
      if (!mine) return Promise.resolve();
      more.hidden = true;
      var shown = 0;
      function step() {
        if (mine !== walk) return Promise.resolve();
        if (shown >= PAGE) return Promise.resolve();
        if (mine.next >= mine.results.length) {
          if (mine.complete) return Promise.resolve();
          status.textContent = "Searching\u2026";
          return index.search(mine.query).then(function (all) {
            mine.results = all;
            mine.complete = true;
            return step();
          });
        }
        var start = mine.next, batch = mine.results.slice(start, start + PAGE);
        mine.next += batch.length;
        // The first record asked for alone, then every other at once as soon as it is there: the
        // others' requests and scripts would share its round (on a busy page, 5-15 record files).
        // Each result is shown as soon as it and those above it are there.
        var refs = batch.map(function (r) { return r.ref; }), records = index.recordPromises(refs.slice(0, 1)), i = 0;
        function next() {
          if (mine !== walk) return;
          if (i >= refs.length) return step();
          if (shown >= PAGE) { mine.next = start + i; return; }  // resume here next time
          return records[i].then(function (record) {
            if (mine !== walk) return;
            if (passes(record, mine.state)) {
              list.appendChild(resultItem(record, batch[i]));
              shown++;
              mine.count++;
              markShown(mine);
            }
            if (i === 0) records = records.concat(index.recordPromises(refs.slice(1)));
            i++;
            return next();
          });
        }
        return next();
      }
      return step().then(function () {
        if (mine !== walk) return;
        markPage(mine);
        more.hidden = mine.complete && mine.next >= mine.results.length;
        var total = mine.results.length;
        if (mine.filtered) {
          status.textContent = mine.count
            ? "Showing " + mine.count + " matching update" + (mine.count === 1 ? "" : "s") + " (filtered from " + total + ")."
            : (more.hidden ? "No updates match \u201c" + mine.state.q + "\u201d with these filters." : "No matches yet with these filters; show more to keep looking.");
        } else if (!mine.complete && !mine.total) {
          status.textContent = "The " + total + " best matches for \u201c" + mine.state.q + "\u201d; show more for the rest.";
        } else {
          total = mine.complete ? total : mine.total;
          status.textContent = total + " update" + (total === 1 ? "" : "s") + " match \u201c" + mine.state.q + "\u201d.";
        }
      });
    }

    // A user-timing mark, once per search, when its first result (or its "no match") is on the page:
    // what `make bench` reads as the time to first results.
    function markShown(mine) {
      if (mine.marked) return;
      mine.marked = true;
      if (window.performance && performance.mark) performance.mark("search:shown");
    }
    // And once its first page of results is all there (`make bench` reports it beside the first result).
    function markPage(mine) {
      if (mine.paged) return;
      mine.paged = true;
      if (window.performance && performance.mark) performance.mark("search:page");
    }

    function search(state) {
      var mine = ++run;
      list.textContent = "";
      more.hidden = true;
      walk = null;
      if (!state.q) {
        status.textContent = "";
        return Promise.resolve();
      }
      var query = normalise(state.q);
      if (!query) {
        status.textContent = "Type a word to search for.";
        return Promise.resolve();
      }
      status.textContent = "Searching\u2026";
      var found = filtered(state)
        ? index.search(query).then(function (results) { return { results: results, complete: true }; })
        : index.searchTop(query, PAGE);
      return found.then(function (answer) {
        if (mine !== run) return;
        var results = answer.results;
        if (!results.length) {
          status.textContent = "No updates match \u201c" + state.q + "\u201d. Check the spelling, or try fewer words or a trailing * (vlad*).";
          markShown({});
          markPage({});
          return;
        }
        walk = { results: results, complete: answer.complete, total: answer.total, query: query, next: 0, state: state, filtered: filtered(state), count: 0 };
        var current = walk;
        return showMore().then(function () { markShown(current); });  // filtered down to nothing: that is the answer too
      }, function (error) {
        if (mine !== run) return;
        if (error && error.name === "QueryParseError") {
          status.textContent = "This search cannot be read: " + error.message + ". Words are searched as typed; the characters : ^ ~ * + - have special meanings.";
        } else {
          status.textContent = "Search failed: " + (error && error.message ? error.message : error);
        }
      });
    }

    // --- wiring ---------------------------------------------------------------------------------
    var typingTimer = null;
    function go(push) {
      var state = currentState();
      var url = toUrl(state);
      if (url !== window.location.pathname + window.location.search) {
        history[push ? "pushState" : "replaceState"](state, "", url);
      }
      return search(state);
    }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      clearTimeout(typingTimer);
      go(true);
    });
    box.addEventListener("input", function () {
      clearTimeout(typingTimer);
      typingTimer = setTimeout(function () { go(false); }, 250);
    });
    window.addEventListener("popstate", function () {
      var state = params();
      fill(state);
      search(state);
    });
    more.addEventListener("click", function () { showMore(); });

    // Arrow keys move between the search box and the results; Enter follows a result's link.
    function links() { return Array.prototype.slice.call(list.querySelectorAll("a")); }
    box.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" && links().length) { event.preventDefault(); links()[0].focus(); }
    });
    list.addEventListener("keydown", function (event) {
      var all = links(), at = all.indexOf(document.activeElement);
      if (at < 0) return;
      if (event.key === "ArrowDown" && at < all.length - 1) { event.preventDefault(); all[at + 1].focus(); }
      else if (event.key === "ArrowUp") { event.preventDefault(); (at > 0 ? all[at - 1] : box).focus(); }
      else if (event.key === "Escape") { event.preventDefault(); box.focus(); }
    });

    var initial = params();
    fill(initial);
    if (filtered(initial)) { filters.open = true; loadFacets(); }
    if (initial.q) search(initial); else box.focus();
  }
})();
