// The words a result marks (matchingWords, which stems only the words that can match) against every
// word run through lunr.js's pipeline. stdin: {texts, queries}; each query's matched terms are its
// words' terms, as a result's match data names them. Prints {compared, hits, words, stemmed, mismatches}:
// texts compared, words marked, words read, words stemmed, and each text where the two differ.
const lunr = require("lunr");
const { matchingWords, searchText } = require("../../../theme/static/js/search-index.js");

const { texts, queries } = JSON.parse(require("fs").readFileSync(0, "utf8"));
const pipeline = new lunr.Pipeline();
pipeline.add(lunr.trimmer, lunr.stopWordFilter, lunr.stemmer);
let runs = 0;
const counted = { run: (tokens) => { runs++; return pipeline.run(tokens); } };

function everyWord(pieces, matched) {
  const hits = [];
  for (let i = 0; i < pieces.length; i += 2) {
    const terms = pieces[i] ? pipeline.run(lunr.tokenizer(searchText(pieces[i]))).map(String) : [];
    if (terms.some((t) => Object.prototype.hasOwnProperty.call(matched, t))) hits.push(i);
  }
  return hits;
}

const out = { compared: 0, hits: 0, words: 0, stemmed: 0, mismatches: [] };
for (const query of queries) {
  const matched = Object.create(null);
  for (const term of pipeline.run(lunr.tokenizer(searchText(query))).map(String)) matched[term] = true;
  for (const text of texts) {
    const pieces = text.split(/([\s\-]+)/);
    runs = 0;
    const fast = matchingWords(lunr, counted, pieces, matched), slow = everyWord(pieces, matched);
    out.compared++;
    out.hits += slow.length;
    out.words += Math.ceil(pieces.length / 2);
    out.stemmed += runs;
    if (JSON.stringify(fast) !== JSON.stringify(slow)) out.mismatches.push({ query, words: slow.concat(fast).filter((i) => fast.indexOf(i) < 0 || slow.indexOf(i) < 0).map((i) => pieces[i]) });
  }
}
process.stdout.write(JSON.stringify(out));
