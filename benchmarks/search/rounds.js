#!/usr/bin/env node
// node benchmarks/search/rounds.js SITE QUERY... : what the sharded engine fetches for each query, without a browser.
//
// Runs the search page's query (search.js's shardQuery) through search-shards.js against SITE/search/shards/ read
// from disk, answering each round of requests together (all requests made before any answer are one round, as
// over a network), and prints per query: the rounds until the first 10 results can be shown, the files fetched by
// then, their gzipped size (level 6, as serve.js sends them) and, per file, its round ('~': fetched ahead, at
// low priority). Not counted: the page's own ~25 KB (lunr.js, search-shards.js, the manifest), loaded as it opens.
// Used to choose ShardOptions (README "Search at scale"); the browser measurement is measure.js.
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const js = path.join(__dirname, '..', '..', 'themes', 'default', 'assets', 'js');
const lunr = require(path.join(js, 'lunr.min.js'));
const engineApi = require(path.join(js, 'search-shards.js'));
const page = require(path.join(js, 'search.js'));

const [root, ...queries] = process.argv.slice(2);
if (!root || queries.length === 0) { console.error('usage: node rounds.js SITE QUERY...'); process.exit(2); }
const base = path.join(root, 'search', 'shards') + path.sep;
const manifest = JSON.parse(fs.readFileSync(base + 'manifest.json', 'utf8'));

(async () => {
  for (const q of queries) {
    let round = 1, pending = [], timer = null;
    const log = [];
    const answer = () => { timer = null; const now = pending; pending = []; round++; now.forEach((f) => f()); };
    const fetchJson = (url, priority) => {
      const text = fs.readFileSync(url);
      log.push({ file: path.relative(base, url).replace(/\.json$/, ''), round, gz: zlib.gzipSync(text, { level: 6 }).length, low: priority === 'low' });
      return new Promise((resolve) => {
        pending.push(() => resolve(JSON.parse(text)));
        if (!timer) timer = setTimeout(answer, 5);
      });
    };
    const engine = new engineApi.ShardIndex(lunr, base, manifest, fetchJson);
    const plan = page.shardQuery(lunr, engine.fields, q);
    if (!plan.query) { console.log(q.padEnd(20), 'nothing to search'); continue; }
    const prepared = await engine.prepare(plan.query);
    const top = await engine.top(prepared, 10, plan.words, null);
    await engine.materialise(top.results);
    const kb = log.reduce((sum, e) => sum + e.gz, 0) / 1024;
    console.log(`${q.padEnd(20)} rounds ${round - 1} files ${String(log.length).padStart(2)} gz KB ${kb.toFixed(1).padStart(5)}   ` +
      log.map((e) => `${e.round}:${e.file}${e.low ? '~' : ''}`).join(' '));
  }
})().catch((e) => { console.error(e); process.exit(1); });
