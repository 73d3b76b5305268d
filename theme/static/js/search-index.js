/* news-archive: load the pieces of a split lunr index and search them with lunr.js.
 *
 * Works in the browser (pieces are <script> files calling newsArchiveSearch.piece)
 * and in node (tests pass a loader that reads the files). A query loads only the
 * term chunks its terms can be in, plus the records of the results it shows.
 * Fuzzy terms ("word~1") and terms starting with a wildcard ("*word") can match
 * anywhere in the vocabulary, so they load every chunk.
 */
(function (root, factory) {
  if (typeof module === "object" && module.exports) {
    module.exports = factory();
  } else {
    root.NewsArchiveIndex = factory();
    // pieces that run before the page's search does (the search page's head defines its own, for
    // the manifest it asks for): kept until it takes them (search-ui.js)
    if (!root.newsArchiveSearch) {
      root.newsArchiveSearch = { early: {}, piece: function (name, data) { this.early[name] = data; } };
    }
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  // Text as both sides search it: curly apostrophes straight, possessive 's dropped, so that
  // "Thursday" finds "Thursday’s". The same two rules as search_text() in news_archive/search/index.py.
  function searchText(text) {
    return String(text).replace(/[\u2018\u2019\u02bc]/g, "'").replace(/'s(?![A-Za-z0-9_])/g, "");
  }

  // Which words of a text a result's terms match, as lunr.js reads them (searchText, its tokenizer, then
  // `pipeline`: trimmer, stop words, stemmer): the places in `pieces` (the text split on lunr.js's
  // separators, words at even places) of the words whose term is in `matched`. A term starts as its
  // word does, lowercased and past leading punctuation (the stemmer changes only endings), so only a
  // word that starts as a matched term does is run through the pipeline: a result's marks without
  // stemming every word of its snippet.
  function matchingWords(lunr, pipeline, pieces, matched) {
    var starts = byTerm(), hits = [];
    Object.keys(matched).forEach(function (term) { starts[term.charAt(0)] = true; });
    for (var i = 0; i < pieces.length; i += 2) {
      if (!pieces[i]) continue;
      var text = searchText(pieces[i]);
      if (!starts[text.toLowerCase().replace(/^\W+/, "").charAt(0)]) continue;
      var terms = pipeline.run(lunr.tokenizer(text)).map(String);
      // its own keys only: a word such as "constructor" is no match of every query
      if (terms.some(function (term) { return Object.prototype.hasOwnProperty.call(matched, term); })) hits.push(i);
    }
    return hits;
  }

  // The longest posting list (in documents) loaded whole once a query's heads have not settled its
  // first results; a longer one comes a tier at a time, each round deciding whether the next is needed.
  // Two words in many documents each rarely settle before their last tier (one word alone always
  // does on its head), so loading tier by tier costs a round trip per tier for nothing. The build
  // writes such a list's tail as one piece (tail_ends in search/pieces.py: the same 65,536).
  var WHOLE_LIST = 65536;

  // Sums closer than this to a bound or to the last place's are taken as possibly equal to it: a sum is
  // lunr.js's score added in another order, so the two may differ in their last bits.
  var TIE = 1e-9;

  // The bytes of a base64 string: the browser's own decoder where it has one (a loop over every
  // byte in a fresh page's interpreter took a tenth of the page's script time), else atob's.
  function fromBase64(data) {
    if (typeof Uint8Array.fromBase64 === "function") return Uint8Array.fromBase64(data);
    var binary = atob(data), bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  // A piece as the build wrote it: JSON, or (compressed) a base64 string of gzipped JSON.
  function unpack(data) {
    if (typeof data !== "string") return Promise.resolve(data);
    var bytes = fromBase64(data);
    var stream = new Response(bytes).body.pipeThrough(new DecompressionStream("gzip"));
    return new Response(stream).text().then(JSON.parse);
  }

  // An empty list as the build packs a piece (packed("[]") in search/pieces.py): loadChunks inflates it first.
  var EMPTY = "H4sIAAAAAAAAA4uOBQApu0wNAgAAAA==";

  // An object keyed by terms, with no keys of its own but those set: a term may be "constructor" or
  // "__proto__", which a plain object already answers to.
  function byTerm() {
    return Object.create(null);
  }

  // options.wholeList: the longest posting list (in documents) loaded whole, in one round, once a
  // query's heads have not settled its first results (WHOLE_LIST by default; 0: tier by tier).
  // options.warm(result): called once (see warmUp) with a result ranked from the heads while the
  // first tails are on their way, for the page to show it off the page, so that the code it
  // shows results with has run before the first one is there.
  function SplitIndex(lunr, load, options) {
    this.lunr = lunr;
    this.wholeList = options && options.wholeList !== undefined ? options.wholeList : WHOLE_LIST;
    this.warm = (options && options.warm) || null;
    this.warmed = false; // warmUp has run
    this.inflated = false; // loadChunks has inflated its empty piece
    this.load = function (name) { return load(name).then(unpack); }; // load(name) -> Promise of the piece
    this.meta = null;
    this.started = null; // the promise of meta
    this.piped = byTerm(); // word -> its terms after the pipeline (clauseTerms)
    this.chunks = {}; // chunk number -> promise of it loaded (its terms in this.terms)
    // term -> {entry, tiers: [decoded tiers loaded, head first], seen}: seen, made for a term with tails
    // once a query ranks it (seenOf), marks (one byte per document) the documents of the tiers loaded
    // while it still has tails to load
    this.terms = byTerm();
    this.records = {}; // bucket number -> promise of its records
    this.index = null;
    this.loads = 0; // chunks and tails loaded: the assembled index is redone when this changes
    this.assembled = null; // the terms and loads the index was assembled from
  }

  SplitIndex.prototype.ready = function () {
    var self = this;
    // asked for once, however many ask while it loads (the page's prefetch, then its search)
    return this.started || (this.started = this.load("meta").then(function (meta) {
      self.meta = meta;
      self.pipeline = self.lunr.Pipeline.load(meta.pipeline);
      return meta;
    }, function (error) {
      self.started = null; // asked for again next time
      throw error;
    }));
  };

  // The chunk whose first term is the last one <= term (JavaScript string order, as the build sorted).
  SplitIndex.prototype.chunkOf = function (term) {
    var firsts = this.meta.chunks, lo = 0, hi = firsts.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (firsts[mid] <= term) lo = mid; else hi = mid - 1;
    }
    return lo;
  };

  SplitIndex.prototype.parse = function (queryString) {
    var query = new this.lunr.Query(this.meta.fields);
    new this.lunr.QueryParser(queryString, query).parse(); // throws lunr.QueryParseError
    return query;
  };

  // Each clause's terms after the pipeline, as lunr.js will look them up. A word's are worked out once
  // (a search asks for them a dozen times, from the chunks it needs to its ranking, and a fresh page
  // runs the stemmer cold): the index's search pipeline (lunr.py writes lunr's stemmer) reads the word
  // alone, not the fields it is run for. Callers only read the list.
  SplitIndex.prototype.clauseTerms = function (clause) {
    if (!clause.usePipeline) return [clause.term];
    return this.piped[clause.term] || (this.piped[clause.term] = this.pipeline.runString(clause.term, { fields: clause.fields }));
  };

  // Which chunks a query needs: parse it exactly as lunr.js will, run its pipeline on each term.
  SplitIndex.prototype.chunksFor = function (queryString) {
    var query = this.parse(queryString), needed = {}, all = false;
    // Only "-word" clauses (or none): lunr.js answers with every document, so every chunk is needed.
    if (query.isNegated()) all = true;
    for (var i = 0; i < query.clauses.length; i++) {
      var clause = query.clauses[i], terms = this.clauseTerms(clause);
      for (var j = 0; j < terms.length; j++) {
        var term = terms[j], star = term.indexOf("*");
        if (clause.editDistance || star === 0) { all = true; continue; }
        if (star < 0) { needed[this.chunkOf(term)] = true; continue; }
        var prefix = term.slice(0, star), first = this.chunkOf(prefix), last = this.chunkOf(prefix + "\uffff");
        for (var c = first; c <= last; c++) needed[c] = true;
      }
    }
    if (all) {
      for (var n = 0; n < this.meta.chunks.length; n++) needed[n] = true;
    }
    return Object.keys(needed).map(Number).sort(function (a, b) { return a - b; });
  };

  // A tier as written, [[field, [tf, length, ...], [gap, pair, ...]], ...] (a long list's: a table of
  // its (tf, length) pairs, then each document's gap and pair) or [[field, [gap, tf, length, ...]], ...]
  // (a short list's), as [[field, pairs, [doc, pair, ...]], ...] with document numbers restored. A short
  // list's table has a pair per document, repeats and all: every term of a loaded chunk is decoded,
  // and a table worth sharing is a long list's, which the build made.
  function decodeTier(fields) {
    return fields.map(function (entry) {
      var flat = [], doc = 0, k;
      if (entry.length === 3) return [entry[0], entry[1], restore(entry[2].slice())];
      var written = entry[1], pairs = [];
      for (k = 0; k < written.length; k += 3) {
        doc += written[k];
        flat.push(doc, k / 3);
        pairs.push(written[k + 1], written[k + 2]);
      }
      return [entry[0], pairs, flat];
    });
  }

  // [gap, pair, ...] -> [doc, pair, ...], in place: a long list's loop, in a function of its own (see Sums.add).
  function restore(flat) {
    for (var k = 0, doc = 0; k < flat.length; k += 2) { doc += flat[k]; flat[k] = doc; }
    return flat;
  }

  SplitIndex.prototype.addTier = function (info, fields) {
    var tier = decodeTier(fields);
    info.tiers.push(tier);
    // a term whose tiers are all loaded is no longer ranked by what it has seen: its marks are let go
    // (at 100,000 dumps, a common word's last tiers hold a few hundred thousand postings to mark)
    if (info.seen) {
      if (unloaded(info).length) mark(info.seen, tier);
      else info.seen = null;
    }
    this.loads++;
  };

  function mark(seen, tier) {
    for (var p = 0; p < tier.length; p++) {
      for (var k = 0, flat = tier[p][2]; k < flat.length; k += 2) seen[flat[k]] = 1;
    }
  }

  // The documents of a term's tiers loaded so far, one byte per document of the index: made when a
  // query first needs them, not for every term of a chunk (a chunk holds a dozen long lists).
  SplitIndex.prototype.seenOf = function (info) {
    if (!info.seen) {
      info.seen = new Uint8Array(this.meta.docs);
      info.tiers.forEach(function (tier) { mark(info.seen, tier); });
    }
    return info.seen;
  };

  SplitIndex.prototype.loadChunks = function (numbers) {
    var self = this;
    // the chunks, the first pieces to inflate, are on their way: an empty piece is inflated meanwhile,
    // so that the browser's first inflating stream (up to 4 ms in a fresh page) is not made when the
    // first chunk is there
    if (!this.inflated && numbers.length) {
      this.inflated = true;
      setTimeout(function () { unpack(EMPTY).catch(function () { return null; }); }, 0);
    }
    return Promise.all(numbers.map(function (n) {
      // each chunk loaded and inflated once, however many ask for it (as ready)
      return self.chunks[n] || (self.chunks[n] = self.load("t/" + n).then(function (terms) {
        for (var t = 0; t < terms.length; t++) {
          var info = { entry: terms[t], tiers: [], seen: null };
          self.terms[terms[t][0]] = info;
          self.addTier(info, terms[t][3]);
        }
      }, function (error) {
        delete self.chunks[n]; // asked for again next time
        throw error;
      }));
    }));
  };

  // Tails still to load of a term: [[name, bound], ...] (a term in few documents has none).
  function unloaded(info) {
    var tails = info.entry[5] || [];
    return tails.slice(info.tiers.length - 1);
  }

  // Load the next tier of each of these terms, or all of them: everything is true, false, or a
  // function of a term's info saying which.
  SplitIndex.prototype.loadTails = function (terms, everything) {
    var self = this;
    return Promise.all(terms.map(function (term) {
      var info = self.terms[term];
      if (!info) return null;
      var wanted = unloaded(info);
      if (!(typeof everything === "function" ? everything(info) : everything)) wanted = wanted.slice(0, 1);
      return Promise.all(wanted.map(function (tail) { return self.load(tail[0]); })).then(function (tiers) {
        // tiers arrive in order; another search may have added some meanwhile
        var have = info.tiers.length - 1, names = (info.entry[5] || []).map(function (t) { return t[0]; });
        for (var i = 0; i < tiers.length; i++) {
          if (names.indexOf(wanted[i][0]) === have) { self.addTier(info, tiers[i]); have++; }
        }
      });
    }));
  };

  // The terms of a plain query (no wildcard, no fuzziness) that the index holds: all it can match.
  SplitIndex.prototype.present = function (query) {
    var found = byTerm();
    for (var i = 0; i < query.clauses.length; i++) {
      var terms = this.clauseTerms(query.clauses[i]);
      for (var j = 0; j < terms.length; j++) if (this.terms[terms[j]]) found[terms[j]] = true;
    }
    return Object.keys(found);
  };

  // Every term a query's clauses can match among the chunks loaded: lunr.js's own expansion.
  SplitIndex.prototype.matchable = function (query) {
    var lunr = this.lunr, names = Object.keys(this.terms).sort(), set = lunr.TokenSet.fromArray(names), found = byTerm();
    for (var i = 0; i < query.clauses.length; i++) {
      var clause = query.clauses[i], terms = this.clauseTerms(clause);
      for (var j = 0; j < terms.length; j++) {
        var probe = Object.assign({}, clause, { term: terms[j] });
        set.intersect(lunr.TokenSet.fromClause(probe)).toArray().forEach(function (t) { found[t] = true; });
      }
    }
    return query.isNegated() ? names : Object.keys(found);
  };
  // Python's round(x, 3) for a positive score. toFixed rounds the exact binary value to the
  // nearest thousandth, as Python does; the two differ only on an exact tie (x * 1000 ending
  // in .5, which a double can hold only when x * 16 is an odd integer): Python rounds it to even.
  function round3(x) {
    // the thousandths' rounding is plain where x * 1000 is not within a hair of a half: the product's
    // error is under 1e-11 for any score (they stay below 1,000), and the division of two integers
    // gives the double nearest the decimal, as Number(toFixed) does (at 100,000 dumps a two-word
    // query's last sums scored about 1,200 pairs, 4-6 ms of a fresh page's time with toFixed for each)
    var thousandths = x * 1000, below = Math.floor(thousandths), off = thousandths - below - 0.5;
    if (off > 1e-7 || off < -1e-7) return (off > 0 ? below + 1 : below) / 1000;
    var sixteenths = x * 16;
    if (sixteenths === Math.floor(sixteenths) && sixteenths % 2 === 1) {
      // x * 1000 is exact here: below + 0.5
      return (below % 2 === 0 ? below : below + 1) / 1000;
    }
    return Number(x.toFixed(3));
  }

  // lunr.py's BM25 score of a term in a field, operation for operation (see bm25() in
  // news_archive/search/builder.py), so every vector value is the monolithic index's own.
  function score(meta, idf, tf, length, field) {
    var k1 = meta.k1, b = meta.b;
    var norm = k1 * (1 - b + b * (length / meta.averages[field]));
    return round3(idf * ((k1 + 1) * tf) / (norm + tf) * meta.boosts[field]);
  }

  // Where doc is, or would be, in a tier's flat [doc, pair, ...] list (ascending documents), looking
  // from entry `from` on: a multiple of 2.
  function find(flat, doc, from) {
    var lo = from / 2, hi = flat.length / 2;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (flat[mid * 2] < doc) lo = mid + 1; else hi = mid;
    }
    return lo * 2;
  }

  // A lunr.js index of some terms loaded so far (all of them if not given), with every tier loaded of
  // each: the monolithic index's own term indices and vector values, restricted to these terms, which is
  // all a query on them reads (a document's score is the sum of its loaded terms' values, and a query
  // reads only the vector entries of the terms it matches).
  // Refs are "d<number>": not integer-like, so JavaScript objects keep them in insertion order,
  // and ties between equal scores come out in the monolithic index's order.
  SplitIndex.prototype.assemble = function (names) {
    var meta = this.meta, fields = meta.fields, inverted = [], vectors = {}, order = {};
    names = names || Object.keys(this.terms);
    for (var t = 0; t < names.length; t++) {
      var info = this.terms[names[t]], termIndex = info.entry[1], idf = info.entry[2];
      var posting = { _index: termIndex }, byField = [];
      for (var f = 0; f < fields.length; f++) { posting[fields[f]] = {}; byField.push([]); }
      for (var i = 0; i < info.tiers.length; i++) {
        for (var p = 0; p < info.tiers[i].length; p++) {
          var pairs = info.tiers[i][p][1], flat = info.tiers[i][p][2], list = byField[info.tiers[i][p][0]];
          for (var k = 0; k < flat.length; k += 2) list.push([flat[k], pairs[2 * flat[k + 1]], pairs[2 * flat[k + 1] + 1]]);
        }
      }
      for (var fieldNumber = 0; fieldNumber < fields.length; fieldNumber++) {
        var field = fields[fieldNumber], rows = byField[fieldNumber];
        if (info.tiers.length > 1) rows.sort(function (a, b) { return a[0] - b[0]; }); // document order
        for (var r = 0; r < rows.length; r++) {
          var ref = "d" + rows[r][0], fieldRef = field + "/" + ref;
          posting[field][ref] = {};
          if (!vectors[fieldRef]) {
            vectors[fieldRef] = [];
            order[fieldRef] = rows[r][0] * fields.length + fieldNumber;
          }
          vectors[fieldRef].push([termIndex, score(meta, idf, rows[r][1], rows[r][2], fieldNumber)]);
        }
      }
      inverted.push([names[t], posting]);
    }
    inverted.sort(function (a, b) { return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0; });
    // document by document, fields in index order: the order lunr.py wrote the monolithic vectors in
    var fieldRefs = Object.keys(vectors).sort(function (a, b) { return order[a] - order[b]; });
    var fieldVectors = fieldRefs.map(function (fieldRef) {
      var pairs = vectors[fieldRef].sort(function (a, b) { return a[0] - b[0]; }), flat = [];
      for (var i = 0; i < pairs.length; i++) flat.push(pairs[i][0], pairs[i][1]);
      return [fieldRef, flat];
    });
    this.index = this.lunr.Index.load({
      version: this.meta.version, fields: fields, fieldVectors: fieldVectors,
      invertedIndex: inverted, pipeline: this.meta.pipeline
    });
    return this.index;
  };

  // lunr.js's answer from an index of the terms the query can match (and the tiers loaded of them),
  // assembled again only when those terms or tiers changed.
  SplitIndex.prototype.run = function (queryString, names) {
    var key = names.slice().sort().join("\n") + "\n" + this.loads;
    if (!this.index || this.assembled !== key) {
      this.assemble(names);
      this.assembled = key;
    }
    return this.index.search(queryString);
  };

  // lunr.js's answer to a plain query (see plain) among some documents (every document of the terms'
  // loaded tiers if not given), computed as lunr.Index.prototype.query computes it, with its own
  // lunr.Vector and lunr.MatchData, step for step, so that every score is the same double and equal
  // scores keep lunr.js's order: without assembling an index and running lunr.js's query machinery
  // (its token sets and clauses), which a page runs for the first time while its first results wait.
  //   - Each clause adds its boost, per field it searches, to the query vector's entry of each of its
  //     terms (upsert with a sum).
  //   - The documents' fields are met clause by clause, term by term, field by field, in document
  //     order; a (term, field) is met once however many clauses name it.
  //   - A field's score is the query vector's similarity to the document's field vector (entries in
  //     term-index order); a document's score is its fields' scores added in the order they were met,
  //     and results sort stably by score.
  SplitIndex.prototype.rank = function (query, names, docs) {
    var lunr = this.lunr, meta = this.meta, fields = meta.fields, held = byTerm(), vectors = {};
    var wanted = docs ? docs.slice().sort(function (a, b) { return a - b; }) : null;
    for (var t = 0; t < names.length; t++) {
      var info = this.terms[names[t]], termIndex = info.entry[1], idf = info.entry[2], byField = held[names[t]] = [];
      for (var i = 0; i < info.tiers.length; i++) {
        for (var p = 0; p < info.tiers[i].length; p++) {
          var f = info.tiers[i][p][0], pairs = info.tiers[i][p][1], flat = info.tiers[i][p][2];
          var list = byField[f] || (byField[f] = []);
          for (var w = 0, from = 0, at; wanted ? w < wanted.length : from < flat.length; w++) {
            // a few documents are looked up (a tier's list is in document order), all are walked
            at = wanted ? find(flat, wanted[w], from) : from;
            from = wanted ? at : at + 2;
            if (at >= flat.length || (wanted && flat[at] !== wanted[w])) continue;
            var doc = flat[at], fieldRef = f + "/" + doc;
            list.push(doc);
            (vectors[fieldRef] || (vectors[fieldRef] = [])).push([termIndex, score(meta, idf, pairs[2 * flat[at + 1]], pairs[2 * flat[at + 1] + 1], f)]);
          }
        }
      }
      if (info.tiers.length > 1) byField.forEach(function (list) { list.sort(function (a, b) { return a - b; }); });
    }
    var queryVectors = fields.map(function () { return new lunr.Vector(); }), met = {}, order = [], done = byTerm();
    function sum(a, b) { return a + b; }
    for (var c = 0; c < query.clauses.length; c++) {
      var clause = query.clauses[c], terms = this.clauseTerms(clause);
      for (var j = 0; j < terms.length; j++) {
        var term = terms[j];
        if (!held[term]) continue;
        for (var k = 0; k < clause.fields.length; k++) {
          var field = clause.fields[k], number = fields.indexOf(field);
          queryVectors[number].upsert(this.terms[term].entry[1], clause.boost, sum);
          if (done[term + "/" + field]) continue;
          done[term + "/" + field] = true;
          var holders = held[term][number] || [];
          for (var h = 0; h < holders.length; h++) {
            var ref = number + "/" + holders[h];
            if (met[ref]) met[ref].add(term, field, {});
            else { met[ref] = new lunr.MatchData(term, field, {}); order.push(ref); }
          }
        }
      }
    }
    var results = [], matches = {};
    for (var r = 0; r < order.length; r++) {
      var cut = order[r].indexOf("/"), fieldNumber = Number(order[r].slice(0, cut)), docRef = "d" + order[r].slice(cut + 1);
      var entries = vectors[order[r]].sort(function (a, b) { return a[0] - b[0]; }), elements = [];
      for (var e = 0; e < entries.length; e++) elements.push(entries[e][0], entries[e][1]);
      var similarity = queryVectors[fieldNumber].similarity(new lunr.Vector(elements));
      if (matches[docRef]) {
        matches[docRef].score += similarity;
        matches[docRef].matchData.combine(met[order[r]]);
      } else {
        matches[docRef] = { ref: docRef, score: similarity, matchData: met[order[r]] };
        results.push(matches[docRef]);
      }
    }
    return results.sort(function (a, b) { return b.score - a.score; });
  };

  // Ask for the pieces a query's terms are in, before anything waits for them (the search page does
  // this as soon as its scripts run); a query that cannot be read asks for nothing, and the search says why.
  SplitIndex.prototype.prefetch = function (queryString) {
    var self = this;
    return this.ready().then(function () {
      return self.loadChunks(self.chunksFor(queryString));
    }).catch(function () { return null; });
  };

  // Search: resolves to all of lunr.js's results, as the monolithic index gives them; their refs
  // ("d12") are document numbers. Loads every tier of every term the query can match.
  SplitIndex.prototype.search = function (queryString) {
    var self = this;
    return this.ready().then(function () {
      var query = self.parse(queryString);
      var names;
      return self.loadChunks(self.chunksFor(queryString)).then(function () {
        names = self.matchable(query);
        return self.loadTails(names, true);
      }).then(function () {
        return self.run(queryString, names);
      });
    });
  };

  // A query whose first results can be known before whole posting lists are: words (no wildcard,
  // fuzziness, or + and -), each of which adds to a document's score and none of which is required.
  SplitIndex.prototype.plain = function (query) {
    if (query.isNegated()) return false;
    for (var i = 0; i < query.clauses.length; i++) {
      var clause = query.clauses[i], terms = this.clauseTerms(clause);
      if (clause.editDistance || clause.presence !== this.lunr.Query.presence.OPTIONAL) return false;
      for (var j = 0; j < terms.length; j++) if (terms[j].indexOf("*") >= 0) return false;
    }
    return true;
  };

  // For each term of a plain query in the index, what a document can still gain from the tiers not
  // loaded: lunr.js scores a document by the sum over fields of (query vector . field vector) / |query
  // vector|, and a tier's bound gives, per field, the best (tf, length) any of its documents has.
  SplitIndex.prototype.remaining = function (query) {
    var meta = this.meta, fields = meta.fields, weights = {}, magnitude = {}, out = [];
    fields.forEach(function (f) { weights[f] = byTerm(); magnitude[f] = 0; });
    for (var i = 0; i < query.clauses.length; i++) {
      var clause = query.clauses[i], terms = this.clauseTerms(clause);
      for (var j = 0; j < terms.length; j++) {
        if (!this.terms[terms[j]]) continue;
        for (var k = 0; k < clause.fields.length; k++) {
          var w = weights[clause.fields[k]];
          w[terms[j]] = (w[terms[j]] || 0) + clause.boost;
        }
      }
    }
    fields.forEach(function (f) {
      Object.keys(weights[f]).forEach(function (t) { magnitude[f] += weights[f][t] * weights[f][t]; });
      magnitude[f] = Math.sqrt(magnitude[f]);
    });
    var names = byTerm();
    fields.forEach(function (f) { Object.keys(weights[f]).forEach(function (t) { names[t] = true; }); });
    Object.keys(names).forEach(function (term) {
      var info = this.terms[term], tails = unloaded(info);
      if (tails.length) out.push({ term: term, info: info, bound: this.tailBound(term, tails, weights, magnitude) });
    }, this);
    return { open: out, weights: weights, magnitude: magnitude };
  };

  // The most a document in any of these tails ([[name, bound], ...]) of a term can gain from it.
  SplitIndex.prototype.tailBound = function (term, tails, weights, magnitude) {
    var meta = this.meta, fields = meta.fields, info = this.terms[term], bound = 0;
    for (var n = 0; n < tails.length; n++) {
      var patterns = tails[n][1]; // per set of fields the tier's documents hold the term in
      for (var g = 0; g < patterns.length; g++) {
        var gain = 0;
        for (var p = 0; p < patterns[g].length; p++) {
          var f = patterns[g][p][0], field = fields[f], pairs = patterns[g][p][1], best = 0;
          if (!weights[field][term]) continue;
          for (var q = 0; q < pairs.length; q += 2) best = Math.max(best, score(meta, info.entry[2], pairs[q], pairs[q + 1], f));
          gain += best * weights[field][term] / magnitude[field];
        }
        bound = Math.max(bound, gain);
      }
    }
    return bound;
  };

  // Each document's score from the tiers loaded so far, summed as lunr.js sums it (per field, the
  // query weight times the vector value, over the query vector's length), for deciding which
  // documents come first; the scores shown are lunr.js's own (searchTop runs it on those documents).
  //
  // Once every tier of every word is loaded, the first `count` places are known to go to documents
  // summed so far as soon as what the words still to add can give a document (their tails' bounds,
  // summed) is below the count-th sum: the MaxScore idea. The words that can give most are added
  // first; from then on, a document not summed yet is only counted (total.beyond bounds it), which
  // spares the long lists of a common word most of their work.
  SplitIndex.prototype.partial = function (names, weights, magnitude, state, count) {
    // state (one query's) keeps the sums so far: each round adds only the tiers loaded since
    var meta = this.meta, fields = meta.fields, total = state.total || (state.total = new Sums(meta.docs)), counted = state.counted;
    // the last round: every tier is loaded, and every head was summed in the first
    var self = this, bounds = byTerm(), last = count && names.every(function (n) { return counted[n] && !unloaded(self.terms[n]).length; });
    if (last) {
      names.forEach(function (n) {
        bounds[n] = self.tailBound(n, (self.terms[n].entry[5] || []).slice(counted[n] - 1), weights, magnitude);
      });
      names = names.slice().sort(function (a, b) { return bounds[b] - bounds[a] || (a < b ? -1 : a > b ? 1 : 0); });
    }
    var rest = 0, only = false;
    names.forEach(function (n) { rest += bounds[n] || 0; });
    for (var t = 0; t < names.length; t++) {
      var info = this.terms[names[t]], idf = info.entry[2];
      if (last && !only && total.docs.length >= count) {
        var kth = best(total, count)[count - 1].score;
        if (rest < kth - TIE) { only = true; total.beyond = rest; }
      }
      rest -= bounds[names[t]] || 0;
      for (var i = counted[names[t]] || 0; i < info.tiers.length; i++) {
        for (var p = 0; p < info.tiers[i].length; p++) {
          var f = info.tiers[i][p][0], field = fields[f], pairs = info.tiers[i][p][1], flat = info.tiers[i][p][2];
          var factor = (weights[field][names[t]] || 0) / magnitude[field];
          if (!factor) continue;
          // each pair's value once (kept for the term's other tiers: score rounds through toFixed)
          var memo = state.memo[names[t] + "/" + f] || (state.memo[names[t] + "/" + f] = new Map());
          var values = new Float64Array(pairs.length / 2);
          for (var j = 0; j < values.length; j++) {
            var tf = pairs[2 * j], length = pairs[2 * j + 1], key = tf * 4294967296 + length, value = memo.get(key);
            if (value === undefined) {
              value = factor * score(meta, idf, tf, length, f);
              memo.set(key, value);
            }
            values[j] = value;
          }
          if (only) total.addSummed(flat, values);
          else total.add(flat, values);
        }
      }
      counted[names[t]] = info.tiers.length;
    }
    return total;
  };

  // Sums per document, in an array as long as the index has documents: a query's words can be in
  // hundreds of thousands of them. docs lists those with a sum, in the order they got one (partial adds).
  // has: 1 for a document summed, 2 for one only counted (partial's MaxScore): outside of them, none
  // scores more than beyond.
  function Sums(size) {
    this.value = new Float64Array(size);
    this.has = new Uint8Array(size);
    this.docs = [];
    this.outside = 0;
    this.beyond = 0;
  }
  // How many documents were summed or counted: every match of the words loaded.
  Sums.prototype.count = function () { return this.docs.length + this.outside; };
  // A tier's postings ([doc, pair, ...]) added, each its pair's value. The hot loop (at 100,000 dumps a
  // two-word query's tails hold 200,000 postings) is in a small function of its own: a fresh page's
  // engine optimizes a loop in a small function sooner than the same loop inside partial (in-page
  // timers: 9-20 ms for those postings, against 21-33 ms inlined).
  Sums.prototype.add = function (flat, values) {
    var sums = this.value, has = this.has, docs = this.docs;
    for (var k = 0; k < flat.length; k += 2) {
      var doc = flat[k];
      if (has[doc] !== 1) { has[doc] = 1; docs.push(doc); }
      sums[doc] += values[flat[k + 1]];
    }
  };
  // The same, once a document not summed yet is below the first places whatever it holds (partial's
  // MaxScore): such a document is counted, not summed.
  Sums.prototype.addSummed = function (flat, values) {
    var sums = this.value, has = this.has, outside = 0;
    for (var k = 0; k < flat.length; k += 2) {
      var doc = flat[k];
      if (has[doc] === 1) sums[doc] += values[flat[k + 1]];
      else if (!has[doc]) { has[doc] = 2; outside++; }
    }
    this.outside += outside;
  };

  // The `count` best of the documents summed so far, best first (equal sums by document number), without
  // sorting them all.
  function best(total, count) {
    var top = [], docs = total.docs, values = total.value;
    for (var i = 0; i < docs.length; i++) { // a loop, not forEach: a fresh page runs it on 10,000s of sums
      var doc = docs[i], value = values[doc];
      if (top.length === count && value < top[count - 1].score) continue;
      var at = top.length;
      while (at > 0 && (top[at - 1].score < value || (top[at - 1].score === value && top[at - 1].doc > doc))) at--;
      if (at < count) {
        top.splice(at, 0, { doc: doc, score: value });
        if (top.length > count) top.pop();
      }
    }
    return top;
  }

  // The first `count` results of a query, exactly the monolithic index's (same documents, scores
  // and order), loading of each long posting list only the tiers that can still change them: a
  // document's score is known once each term's tiers that may hold it are loaded, and no document
  // outside the first results can reach them. Resolves to {results, complete, total}: complete when
  // every result is there (lunr.js's whole answer), else the first `count` and `search` gives the
  // rest; total, when known, is how many documents match.
  SplitIndex.prototype.searchTop = function (queryString, count) {
    var self = this;
    return this.ready().then(function () {
      var query = self.parse(queryString);
      if (!self.plain(query)) {
        return self.search(queryString).then(function (results) { return { results: results, complete: true }; });
      }
      var state = { total: null, counted: byTerm(), memo: byTerm() };
      return self.loadChunks(self.chunksFor(queryString)).then(function step() {
        var names = self.present(query), left = self.remaining(query);
        var total = self.partial(names, left.weights, left.magnitude, state, count);
        if (total.count() <= count && !left.open.length) return { results: self.rank(query, names), complete: true };
        var top = total.count() >= count ? best(total, count) : null, first = top && self.settled(top, total, left.open, count);
        if (first) {
          // the best sum is lunr.js's first result (but for ties): its record is on its way while the
          // chosen documents are ranked (a wrong guess costs a bucket). Only its own: the page asks for
          // the others' once the first has come (search-ui.js), as their requests and scripts would
          // otherwise share the first one's round on a busy page.
          self.prefetchRecords([top[0].doc]);
          // lunr.js's arithmetic on just those documents: its scores, its order (ties included)
          var results = self.rank(query, names, Object.keys(first).map(Number)).slice(0, count);
          // with every tier loaded, every matching document was ranked: their number is known
          // summed: how many documents had their scores summed to find them (the others were only counted)
          return { results: results, complete: false, total: left.open.length ? null : total.count(), summed: total.docs.length };
        }
        // the heads could not settle them: a list short enough comes whole, in one round, not
        // tier by tier (a query of words in many documents each rarely settles before the end)
        var tails = self.loadTails(left.open.map(function (o) { return o.term; }), function (info) {
          return (info.entry[4] || 0) <= self.wholeList;
        }).then(step);
        self.warmUp(query, names, total);
        return tails;
      });
    });
  };

  // While a page's first tails are on their way (a round trip in which it has nothing else to do),
  // lunr.js's arithmetic (rank) runs once on the heads' best document, and the page (options.warm)
  // shows that result off the page: a fresh page compiles a function on its first call, and
  // the first call of these was otherwise on the way to the first result (rank took 6-17 ms cold at
  // 10,000 dumps, mostly 2-5 ms after). What it computes is thrown away; nothing is loaded or kept.
  SplitIndex.prototype.warmUp = function (query, names, total) {
    if (this.warmed) return;
    this.warmed = true;
    try {
      var first = best(total, 1)[0], ranked = first ? this.rank(query, names, [first.doc]) : [];
      if (this.warm && ranked.length) this.warm(ranked[0]);
    } catch (error) { // only ever a head start: the search itself goes on as it would have
    }
  };

  // The documents that hold the first `count` places, or null while they are not known: each one's
  // score must be exact (every term with tiers left holds it in a loaded tier, so its value is
  // counted), and every document whose score is not (seen in some lists only, or not seen at all)
  // must be bounded below the last of them. The documents returned are those, and any whose exact
  // score ties with the last: lunr.js decides between equal scores.
  SplitIndex.prototype.settled = function (top, total, open, count) {
    if (!open.length) return loadedAll(top, total, count);
    var unseen = 0, margin = TIE;
    var seen = [];
    for (var o = 0; o < open.length; o++) { unseen += open[o].bound; seen.push(this.seenOf(open[o].info)); }
    function extra(doc) {
      var more = 0;
      for (var o = 0; o < open.length; o++) if (!seen[o][doc]) more += open[o].bound;
      return more;
    }
    var chosen = {}, i;
    for (i = 0; i < count; i++) {
      if (extra(top[i].doc) > 0) return null;
      chosen[top[i].doc] = true;
    }
    var last = top[count - 1].score, most = Math.max(unseen, total.beyond), docs = total.docs, values = total.value;
    for (i = 0; i < docs.length; i++) {
      var doc = docs[i], value = values[doc];
      if (value + unseen <= most || chosen[doc]) continue; // it can raise nothing
      var more = extra(doc);
      if (more > 0) most = Math.max(most, value + more);
      else if (value >= last - margin) chosen[doc] = true;
    }
    return last > most + margin ? chosen : null;
  };

  // settled when every tier of every word is loaded (at 10,000 dumps, a typical two-word query): every
  // sum is exact, so the first places go to the `count` best and any document whose sum ties with the
  // last of them, unless documents only counted (partial's MaxScore) could reach it. The same answer as
  // settled's walk, in a loop of its own: a fresh page runs it cold over every document summed (6,000
  // for "wildfire Nairobi"), and settled's walk, which reads the open lists through a closure, took
  // 2-3 ms to do it.
  function loadedAll(top, total, count) {
    var last = top[count - 1].score, bar = last - TIE, docs = total.docs, values = total.value, chosen = {}, i;
    if (!(last > Math.max(0, total.beyond) + TIE)) return null;
    for (i = 0; i < count; i++) chosen[top[i].doc] = true;
    for (i = 0; i < docs.length; i++) if (values[docs[i]] >= bar) chosen[docs[i]] = true;
    return chosen;
  }

  // Ask for some documents' records before they are wanted; a failure is not reported here (a later
  // recordPromises asks again).
  SplitIndex.prototype.prefetchRecords = function (docs) {
    try {
      this.recordPromises(docs).forEach(function (promise) { promise.catch(function () { return null; }); });
    } catch (error) { // a loader that throws at once: the search goes on (recordPromises says it later)
    }
  };

  // The records of some documents, loading only their buckets.
  SplitIndex.prototype.recordsOf = function (docs) {
    return Promise.all(this.recordPromises(docs));
  };

  // A promise of each document's record, every bucket they need asked for at once.
  SplitIndex.prototype.recordPromises = function (docs) {
    var self = this, size = this.meta.bucket;
    return docs.map(function (doc) {
      var n = typeof doc === "string" ? Number(doc.replace(/^d/, "")) : doc, bucket = Math.floor(n / size);
      if (!self.records[bucket]) {
        self.records[bucket] = self.load("r/" + bucket).catch(function (error) {
          delete self.records[bucket]; // asked for again next time
          throw error;
        });
      }
      return self.records[bucket].then(function (records) { return records[n % size]; });
    });
  };

  return { SplitIndex: SplitIndex, searchText: searchText, matchingWords: matchingWords, round3: round3, unpack: unpack };
});
