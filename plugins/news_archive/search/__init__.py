"""Client-side search: lunr documents per update, a lunr.js-exact pipeline, an index in pieces. Pure."""
