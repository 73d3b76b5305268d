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
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  // Text as both sides search it: curly apostrophes straight, possessive 's dropped, so that
  // "Thursday" finds "Thursday’s". The same two rules as search_text() in news_archive/search/index.py.
  function searchText(text) {
    return String(text).replace(/[\u2018\u2019\u02bc]/g, "'").replace(/'s(?![A-Za-z0-9_])/g, "");
  }

  function SplitIndex(lunr, load) {
    this.lunr = lunr;
    this.load = load; // load(name) -> Promise of the piece's parsed JSON
    this.meta = null;
    this.chunks = {}; // chunk number -> terms
    this.records = {}; // bucket number -> records
    this.index = null;
    this.indexedChunks = -1;
    this.loadedBytes = 0;
  }

  SplitIndex.prototype.ready = function () {
    var self = this;
    if (this.meta) return Promise.resolve(this.meta);
    return this.load("meta").then(function (meta) {
      self.meta = meta;
      self.pipeline = self.lunr.Pipeline.load(meta.pipeline);
      return meta;
    });
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

  // Which chunks a query needs: parse it exactly as lunr.js will, run its pipeline on each term.
  SplitIndex.prototype.chunksFor = function (queryString) {
    var lunr = this.lunr, query = new lunr.Query(this.meta.fields), needed = {}, all = false;
    new lunr.QueryParser(queryString, query).parse(); // throws lunr.QueryParseError
    // Only "-word" clauses (or none): lunr.js answers with every document, so every chunk is needed.
    if (query.isNegated()) all = true;
    for (var i = 0; i < query.clauses.length; i++) {
      var clause = query.clauses[i];
      var terms = clause.usePipeline ? this.pipeline.runString(clause.term, { fields: clause.fields }) : [clause.term];
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

  SplitIndex.prototype.loadChunks = function (numbers) {
    var self = this;
    var missing = numbers.filter(function (n) { return !(n in self.chunks); });
    return Promise.all(missing.map(function (n) {
      return self.load("t/" + n).then(function (terms) { self.chunks[n] = terms; });
    }));
  };

  // Python's round(x, 3) for a positive score. toFixed rounds the exact binary value to the
  // nearest thousandth, as Python does; the two differ only on an exact tie (x * 1000 ending
  // in .5, which a double can hold only when x * 16 is an odd integer): Python rounds it to even.
  function round3(x) {
    var sixteenths = x * 16;
    if (sixteenths === Math.floor(sixteenths) && sixteenths % 2 === 1) {
      var below = Math.floor(x * 1000); // x * 1000 is exact here: below + 0.5
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

  // A lunr.js index of every chunk loaded so far: the monolithic index's own term indices and
  // vector values, restricted to these terms, which is all a query on them reads.
  // Refs are "d<number>": not integer-like, so JavaScript objects keep them in insertion order,
  // and ties between equal scores come out in the monolithic index's order.
  SplitIndex.prototype.assemble = function () {
    var meta = this.meta, fields = meta.fields, inverted = [], vectors = {}, order = {}, count = 0;
    var numbers = Object.keys(this.chunks).map(Number).sort(function (a, b) { return a - b; });
    for (var c = 0; c < numbers.length; c++) {
      var terms = this.chunks[numbers[c]];
      for (var t = 0; t < terms.length; t++) {
        var term = terms[t][0], termIndex = terms[t][1], idf = terms[t][2], perField = terms[t][3];
        var posting = { _index: termIndex };
        for (var f = 0; f < fields.length; f++) posting[fields[f]] = {};
        for (var p = 0; p < perField.length; p++) {
          var fieldNumber = perField[p][0], field = fields[fieldNumber], flat = perField[p][1];
          for (var k = 0; k < flat.length; k += 3) {
            var ref = "d" + flat[k], fieldRef = field + "/" + ref;
            posting[field][ref] = {};
            if (!vectors[fieldRef]) {
              vectors[fieldRef] = [];
              order[fieldRef] = flat[k] * fields.length + fieldNumber;
            }
            vectors[fieldRef].push([termIndex, score(meta, idf, flat[k + 1], flat[k + 2], fieldNumber)]);
          }
        }
        inverted.push([term, posting]);
        count++;
      }
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
    this.indexedChunks = numbers.length;
    return this.index;
  };

  // Search: resolves to lunr.js results; their refs ("d12") are document numbers.
  SplitIndex.prototype.search = function (queryString) {
    var self = this;
    return this.ready().then(function () {
      var numbers = self.chunksFor(queryString);
      return self.loadChunks(numbers).then(function () {
        if (!self.index || self.indexedChunks !== Object.keys(self.chunks).length) self.assemble();
        return self.index.search(queryString);
      });
    });
  };

  // The records of some documents, loading only their buckets.
  SplitIndex.prototype.recordsOf = function (docs) {
    var self = this, size = this.meta.bucket, buckets = {};
    docs = docs.map(function (doc) { return typeof doc === "string" ? Number(doc.replace(/^d/, "")) : doc; });
    docs.forEach(function (doc) { buckets[Math.floor(doc / size)] = true; });
    var missing = Object.keys(buckets).filter(function (b) { return !(b in self.records); });
    return Promise.all(missing.map(function (b) {
      return self.load("r/" + b).then(function (records) { self.records[b] = records; });
    })).then(function () {
      return docs.map(function (n) { return self.records[Math.floor(n / size)][n % size]; });
    });
  };

  return { SplitIndex: SplitIndex, searchText: searchText, round3: round3 };
});
