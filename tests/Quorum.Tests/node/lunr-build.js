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
//   shards       {root, engine, script, n, costs?, queries:[{q, mode, filter?}]} -> [{q, mode, lunr:{total, results},
//                shards:{total, results, files, countFiles}}]: the sharded index under root/search/shards (engine =
//                path of search-shards.js) against lunr.Index.load(root/search/lunr-index.json). mode "search": lunr's
//                idx.search(q) and the engine's search(q); mode "page": the search page's query (search.js run() over
//                the lunr index, and shardQuery() over the shards), and with filter {kind, body, year} its filters
//                (applyFilters over documents.json, and shardFilter over the shards' facets; total is then the
//                filtered count). A fresh engine per query: files lists what one query fetches for its first n
//                results, countFiles what counting them fetched after. costs overrides the engine's estimates of
//                what a band posting, a document's vectors and a set's gap weigh (to make it take one way or the other).
//                practise: true runs the search page's practice queries (below) first, in the same process.
//   practice     {engine, script, fields} -> [{q, files, results:[{ref, score}], settled:[{ref, score}]}]: the search
//                page's practice queries (search.js PRACTICE, practiceQuery) on search-shards.js's made-up index
//                (practice(lunr, fields)), each on a fresh engine: what it fetched from the made-up files, its first 10,
//                and the first 10 of the same query ranked with every posting loaded first.
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

const fs = require('fs');
const path = require('path');

function top(results, n) {
  return results.slice(0, n).map((r) => ({ ref: r.ref, score: r.score }));
}

async function shards(request) {
  const engineApi = require(request.engine);
  const site = require(request.script);
  const base = path.join(request.root, 'search', 'shards') + path.sep;
  const index = lunr.Index.load(JSON.parse(fs.readFileSync(path.join(request.root, 'search', 'lunr-index.json'), 'utf8')));
  const documentsFile = path.join(request.root, 'search', 'documents.json');
  const documents = fs.existsSync(documentsFile) ? JSON.parse(fs.readFileSync(documentsFile, 'utf8')) : null;
  const manifest = JSON.parse(fs.readFileSync(base + 'manifest.json', 'utf8'));
  const n = request.n || 20;
  if (request.practise) await practice({ engine: request.engine, script: request.script, fields: manifest.fields });
  const answers = [];
  for (const { q, mode, filter } of request.queries) {
    const files = [];
    const fetchJson = (url) => {
      files.push(path.relative(base, url).split(path.sep).join('/'));
      return Promise.resolve(JSON.parse(fs.readFileSync(url, 'utf8')));
    };
    const engine = new engineApi.ShardIndex(lunr, base, manifest, fetchJson);
    if (request.costs) engine.costs = request.costs;
    const answer = { q, mode };
    try {
      let found = mode === 'page' ? site.run(lunr, index, q).results : index.search(q);
      if (filter) found = site.applyFilters(found, documents, filter);
      answer.lunr = { total: found.length, results: top(found, n) };
    } catch (e) {
      answer.lunr = { error: String(e && e.name) };
    }
    try {
      let query = null, words = null;
      if (mode === 'page') {
        const plan = site.shardQuery(lunr, engine.fields, q);
        query = plan.query;
        words = plan.words;
      } else {
        query = new lunr.Query(engine.fields);
        new lunr.QueryParser(q, query).parse();
      }
      if (!query) {
        answer.shards = { total: 0, results: [], files };
      } else {
        const test = filter ? site.shardFilter(engine, filter) : null;
        const found = await engine.run(query, { n, words, filter: test });
        const first = files.slice();
        const count = await engine.count(found.plan, test);
        answer.shards = { total: filter ? count.filtered : count.total, results: top(found.results, n), files: first, countFiles: files.slice(first.length) };
      }
    } catch (e) {
      answer.shards = { error: String(e && e.name), message: String(e && e.stack) };
    }
    answers.push(answer);
  }
  return answers;
}

async function practice(request) {
  const engineApi = require(request.engine);
  const site = require(request.script);
  const make = engineApi.practice(lunr, request.fields);
  const refs = (results) => results.map((r) => ({ ref: r.ref, score: r.score }));
  const answers = [];
  for (const q of site.PRACTICE) {
    const engine = make(), files = [], fetchJson = engine.fetchJson;
    engine.fetchJson = (path, priority) => { files.push(path); return fetchJson(path, priority); };
    const results = await site.practiceQuery(lunr, engine, q);
    const settled = make(), plan = site.shardQuery(lunr, settled.fields, q);
    const prepared = await settled.prepare(plan.query);
    await settled.loadEverything(prepared);
    const top = await settled.top(prepared, 10, plan.words, null);
    answers.push({ q, files, results: refs(results), settled: refs(await settled.materialise(top.results)) });
  }
  return answers;
}

const modes = {
  shards,
  practice,
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
  process.stderr.write('usage: node lunr-build.js build|search|pipeline|stem|log|site-search|site-js|shards|practice < request.json\n');
  process.exit(2);
}
const chunks = [];
process.stdin.on('data', (chunk) => chunks.push(chunk));
process.stdin.on('end', () => {
  const request = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  Promise.resolve(mode(request)).then((answer) => process.stdout.write(JSON.stringify(answer)), (e) => {
    process.stderr.write(String(e && e.stack || e) + '\n');
    process.exit(1);
  });
});
