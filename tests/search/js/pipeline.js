// lunr.js's own index pipeline on each text of a JSON list read from stdin: tokenizer, trimmer,
// stopWordFilter, stemmer, as lunr.Builder runs them. Prints the term lists as JSON.
const lunr = require("lunr");
const texts = JSON.parse(require("fs").readFileSync(0, "utf8"));
const pipeline = new lunr.Pipeline();
pipeline.add(lunr.trimmer, lunr.stopWordFilter, lunr.stemmer);
process.stdout.write(JSON.stringify(texts.map((t) => pipeline.run(lunr.tokenizer(t)).map(String))));
