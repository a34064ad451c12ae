#!/usr/bin/env node
// Reference lunr.js 2.3.9 for Quorum.Tests (Search/LunrCompatibilityTests): reads one JSON request
// on stdin and writes one JSON answer on stdout. Modes (first argument):
//   build     {fields:[{name,boost}], documents:[{ref, fields:{...}, boost}]} -> JSON.stringify(index)
//   search    {index} or {fields, documents}, plus {queries:[...]}          -> [{query, results:[{ref, score}]} | {query, error}]
//   pipeline  {texts:[...]} -> [{tokens:[...], terms:[...]}] (lunr.tokenizer, then trimmer/stopWordFilter/stemmer)
//   stem      {words:[...]} -> [stem, ...]
//   log       {values:[...]} -> [Math.log(v), ...]
//   site-search  {index, script, queries:[...]} -> [{query, mode, results:[{ref, score}]}]: the search page's own
//                query path (script = path of the theme's search.js; its run() over lunr.Index.load(index))
//   site-js      {script, calls:[[name, ...args]]} -> [result, ...]: search.js's pure functions (those that take
//                lunr get it as their first argument)
'use strict';
const lunr = require('lunr');

function build(request) {
  return lunr(function () {
    this.ref('ref');
    for (const field of request.fields) this.field(field.name, { boost: field.boost });
    for (const doc of request.documents) {
      this.add(Object.assign({}, doc.fields, { ref: doc.ref }), { boost: doc.boost });
    }
  });
}

const modes = {
  build: (request) => build(request),
  search: (request) => {
    const index = request.index ? lunr.Index.load(request.index) : build(request);
    return request.queries.map((query) => {
      try {
        return { query, results: index.search(query).map((r) => ({ ref: r.ref, score: r.score })) };
      } catch (e) {
        return { query, error: String(e && e.message || e) };
      }
    });
  },
  pipeline: (request) => {
    const pipeline = new lunr.Pipeline();
    pipeline.add(lunr.trimmer, lunr.stopWordFilter, lunr.stemmer);
    return request.texts.map((text) => {
      const tokens = lunr.tokenizer(text);
      return { tokens: tokens.map(String), terms: pipeline.run(lunr.tokenizer(text)).map(String) };
    });
  },
  stem: (request) => request.words.map((w) => lunr.stemmer(new lunr.Token(w)).toString()),
  log: (request) => request.values.map((v) => Math.log(v)),
  'site-search': (request) => {
    const site = require(request.script);
    const index = lunr.Index.load(request.index);
    return request.queries.map((query) => {
      const found = site.run(lunr, index, query);
      return { query, mode: found.mode, results: found.results.map((r) => ({ ref: r.ref, score: r.score })) };
    });
  },
  'site-js': (request) => {
    const site = require(request.script);
    const takesLunr = ['highlight', 'wordClauses', 'queryWords'];
    return request.calls.map(([name, ...args]) =>
      takesLunr.includes(name) ? site[name](lunr, ...args) : site[name](...args));
  },
};

const mode = modes[process.argv[2]];
if (!mode) {
  process.stderr.write('usage: node lunr-build.js build|search|pipeline|stem|log|site-search|site-js < request.json\n');
  process.exit(2);
}
const chunks = [];
process.stdin.on('data', (chunk) => chunks.push(chunk));
process.stdin.on('end', () => {
  const request = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  process.stdout.write(JSON.stringify(mode(request)));
});
