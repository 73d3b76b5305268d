// Run queries three ways and print the results as JSON:
//   js:    an index lunr.js builds itself from the documents (fields, boosts and refs as the build's),
//          their text normalised by search-index.js's searchText, as the browser normalises queries
//   mono:  the monolithic index the Python build wrote, loaded by lunr.js
//   split: the split pieces, loaded through theme/static/js/search-index.js
// usage: node compare.js WORK_DIR   (docs.json, fields.json, mono.json, queries.json, pieces/)
const fs = require("fs");
const path = require("path");
const lunr = require("lunr");
const { SplitIndex, searchText, round3 } = require("../../../theme/static/js/search-index.js");

const dir = process.argv[2];
const read = (name) => JSON.parse(fs.readFileSync(path.join(dir, name), "utf8"));
const docs = read("docs.json");
const fields = read("fields.json");
const queries = read("queries.json");

const js = lunr(function () {
  this.ref("ref");
  for (const [name, boost] of fields) this.field(name, { boost });
  // the browser's copy of the text normalisation, so a mismatch with Python's shows up here
  for (const doc of docs) {
    const text = { ref: doc.ref };
    for (const [name] of fields) text[name] = searchText(doc[name]);
    this.add(text);
  }
});
const mono = lunr.Index.load(read("mono.json"));

let bytes = { terms: 0, tails: 0, records: 0, meta: 0 };
function loadPiece(name) {
  const text = fs.readFileSync(path.join(dir, "pieces", name + ".js"), "utf8");
  const kind = { t: "terms", p: "tails", r: "records" }[name.split("/")[0]] || "meta";
  bytes[kind] += Buffer.byteLength(text);
  const start = text.indexOf(",") + 1;
  return Promise.resolve(JSON.parse(text.slice(start, text.lastIndexOf(");"))));
}

function run(index, q) {
  try {
    return index.search(q).map((r) => [r.ref, r.score]);
  } catch (e) {
    return { error: e.name };
  }
}

(async () => {
  const out = { jsIndex: js.toJSON(), results: [] };
  for (const q of queries) {
    // the first results alone, each from a fresh page, as the search page asks for them
    const tops = {};
    for (const count of [1, 3, 10]) {
      bytes = { terms: 0, tails: 0, records: 0, meta: 0 };
      try {
        const answer = await new SplitIndex(lunr, loadPiece).searchTop(q, count);
        tops[count] = { results: answer.results.map((r) => [r.ref, r.score]), complete: answer.complete, bytes };
      } catch (e) {
        tops[count] = { error: e.name };
      }
    }
    const split = new SplitIndex(lunr, loadPiece); // a fresh page: nothing loaded yet
    bytes = { terms: 0, tails: 0, records: 0, meta: 0 };
    let splitResults;
    try {
      const found = await split.search(q);
      const records = await split.recordsOf(found.map((r) => r.ref));
      splitResults = found.map((r, i) => [records[i].u, r.score]);
      for (const count of Object.keys(tops)) {
        if (tops[count].results) tops[count].results = tops[count].results.map(([ref, s]) => [records[found.findIndex((r) => r.ref === ref)]?.u ?? ref, s]);
      }
    } catch (e) {
      splitResults = { error: e.name };
    }
    out.results.push({ query: q, js: run(js, q), mono: run(mono, q), split: splitResults, bytes, tops });
  }
  // every chunk at once: the field vectors the browser computes, to hold against the monolithic ones
  bytes = { terms: 0, tails: 0, records: 0, meta: 0 }; // not counted against the last query
  const whole = new SplitIndex(lunr, loadPiece);
  await whole.ready();
  await whole.loadChunks(whole.meta.chunks.map((_, n) => n));
  await whole.loadTails(Object.keys(whole.terms), true);
  out.splitVectors = whole.assemble().toJSON().fieldVectors;
  // Python's round(x, 3) on exact ties and near them (the expected values come from Python)
  if (fs.existsSync(path.join(dir, "rounding.json"))) {
    out.rounded = read("rounding.json").map(([x]) => round3(x));
  }
  process.stdout.write(JSON.stringify(out));
})();
