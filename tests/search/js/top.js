// The first results of queries from the split pieces (searchTop, each from a fresh page) beside the
// monolithic index's, as JSON. usage: node top.js WORK_DIR COUNT [WHOLE_LIST]  (mono.json, queries.json,
// pieces/); WHOLE_LIST, the longest list loaded whole once the heads did not settle (0: tier by tier).
const fs = require("fs");
const path = require("path");
const lunr = require("lunr");
const { SplitIndex } = require("../../../theme/static/js/search-index.js");

const dir = process.argv[2];
const count = Number(process.argv[3]);
// the page's warm-up (options.warm): each call noted, and each throws, as a page's might: the
// search must go on as without it
let warmed = [];
const options = { warm: (result) => {
  warmed.push({ ref: result.ref, terms: Object.keys(result.matchData.metadata) });
  throw new Error("a warm-up that fails");
} };
if (process.argv[4] !== undefined) options.wholeList = Number(process.argv[4]);
const read = (name) => JSON.parse(fs.readFileSync(path.join(dir, name), "utf8"));
const mono = lunr.Index.load(read("mono.json"));
const refs = read("refs.json"); // document number -> ref
let loaded = {}, asked = [];
// how many times each word went through lunr.js's pipeline (the stemmer), per page
let piped = {};
const runString = lunr.Pipeline.prototype.runString;
lunr.Pipeline.prototype.runString = function (str, metadata) {
  piped[str] = (piped[str] || 0) + 1;
  return runString.call(this, str, metadata);
};
function loadPiece(name) {
  asked.push(name);
  const text = fs.readFileSync(path.join(dir, "pieces", name + ".js"), "utf8");
  const kind = name.split("/")[0];
  loaded[kind] = (loaded[kind] || 0) + Buffer.byteLength(text);
  return Promise.resolve(JSON.parse(text.slice(text.indexOf(",") + 1, text.lastIndexOf(");"))));
}

(async () => {
  const out = [];
  for (const q of read("queries.json")) {
    loaded = {};
    const index = new SplitIndex(lunr, loadPiece, options), loadTails = index.loadTails;
    let rounds = 0; // rounds of tails: each waits for the one before
    index.loadTails = function () { rounds++; return loadTails.apply(this, arguments); };
    // as the search page does: the pieces asked for as it starts, then the search
    asked = [];
    warmed = [];
    piped = {};
    const early = index.prefetch(q), answer = await index.searchTop(q, count);
    await early;
    const twice = asked.filter((name, i) => asked.indexOf(name) !== i);
    // a first page (not the whole answer) has its first result's record on its way as it is ranked;
    // recordFiles: how many record files were asked for by then
    const bucketOf = (r) => "r/" + Math.floor(Number(r.ref.slice(1)) / index.meta.bucket);
    const firstRecord = answer.complete || !answer.results.length ? null : asked.includes(bucketOf(answer.results[0]));
    const recordFiles = asked.filter((name) => name.startsWith("r/")).length;
    const top = { results: answer.results.map((r) => [refs[Number(r.ref.slice(1))], r.score]), complete: answer.complete, total: answer.total, summed: answer.summed, bytes: loaded, rounds, twice, firstRecord, recordFiles, piped: Object.assign({}, piped),
      warmed: warmed.map((w) => ({ ref: refs[Number(w.ref.slice(1))], terms: w.terms })) };
    loaded = {};
    await new SplitIndex(lunr, loadPiece).search(q);
    out.push({ query: q, top, whole: loaded, mono: mono.search(q).map((r) => [r.ref, r.score]) });
  }
  process.stdout.write(JSON.stringify(out));
})();
