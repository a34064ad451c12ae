#!/usr/bin/env node
// node measure.js --url http://127.0.0.1:PORT/ --label "1,000 meetings" --runs 3 [--engine quorum|pagefind] --out results.json -- QUERY...
//
// For each query, Quorum's search page (/search/) and the Pagefind page (/__bench/pagefind.html) on the same site, each
// in a fresh browser context (cold cache), --runs times: the page is loaded and left idle; then the query is put in the
// box and the form submitted; "first results" is when 10 results are on screen (or, with fewer, when the page says how
// many there are), timed in the page (performance.now) from just before submitting. Bytes are counted by the server
// (serve.js: status line, headers and compressed body of every response, whoever asked for it, web workers
// included): those of requests made after submitting and by the first results, and of all requests made
// after submitting once the network is quiet (Quorum counts its results after showing the first ones). Both
// include the search engine's files that the page loaded before the query (Quorum's search page loads lunr.js,
// its engine and the manifest as it opens; Pagefind's bench page loads nothing before submitting): ENGINE below.
// Chromium: Debian's /usr/lib/chromium/chromium, headless.
'use strict';
const { chromium } = require('playwright-core');
const fs = require('fs');
const http = require('http');

const args = process.argv.slice(2);
const opt = (name, fallback) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : fallback; };
const url = opt('--url', 'http://127.0.0.1:8080/');
const label = opt('--label', '');
const runs = Number(opt('--runs', '3'));
const out = opt('--out', null);
const queries = args.includes('--') ? args.slice(args.indexOf('--') + 1) : ['benchmarking'];
const only = opt('--engine', null); // quorum or pagefind: measure one side only (to compare changes to it)

const CHROMIUM = '/usr/lib/chromium/chromium';
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

// The search engines' own files (not the page, its stylesheet or its UI script), counted even when the page loaded
// them before the query.
const ENGINE = /^\/(search\/shards\/|pagefind\/|assets\/js\/(lunr\.min|search-shards)\.js)/;

const ENGINES = {
  quorum: { path: 'search/', form: '#search-form' },
  pagefind: { path: '__bench/pagefind.html', form: '#search-form' },
};

// In the page: when the first results are on screen (performance.now for the time, Date.now to match the server's log).
// window.__shown resolves then. The harness waits on that promise (one evaluate) rather than with waitForFunction,
// which polls, and on its first use compiles Playwright's injected script (330 KB) in the page: 20–60 ms of the
// page's main thread in the middle of the search being timed.
const WATCH = () => {
  window.__first = null;
  const done = () => {
    const shown = document.querySelectorAll('#search-results .search-result').length;
    const status = (document.getElementById('search-status') || {}).textContent || '';
    return shown >= 10 || (shown > 0 && /^\d[\d,]* results?/.test(status)) || /^No results/.test(status) || /^0 results/.test(status);
  };
  window.__shown = new Promise((resolve) => {
    new MutationObserver(() => {
      if (!window.__first && window.__t0 && done()) { window.__first = { t: performance.now(), wall: Date.now() }; resolve(); }
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
};

const SHOWN = () => Promise.race([window.__shown, new Promise((resolve, reject) => setTimeout(() => reject(new Error('no results after 60 s')), 60000))]);

const SUBMIT = (q) => {
  document.getElementById('q').value = q;
  window.__wall0 = Date.now();
  window.__t0 = performance.now();
  document.getElementById('search-form').requestSubmit();
};

const REPORT = () => ({
  ms: window.__first.t - window.__t0, wall0: window.__wall0, wall1: window.__first.wall,
  shown: document.querySelectorAll('#search-results .search-result').length,
  status: document.getElementById('search-status').textContent,
  top: Array.from(document.querySelectorAll('#search-results .search-result a')).slice(0, 3).map((a) => a.getAttribute('href')),
});

function serverLog(since) {
  return new Promise((resolve, reject) => {
    http.get(url + '__bench/log?since=' + since, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
    }).on('error', reject);
  });
}

/** Waits until the server has sent nothing for 500 ms. */
async function quiet(since) {
  for (let count = -1; ;) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = (await serverLog(since)).length;
    if (now === count) return;
    count = now;
  }
}

async function measure(browser, engine, q) {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    const opened = Date.now();
    await page.goto(url + ENGINES[engine].path, { waitUntil: 'networkidle' });
    await page.evaluate(WATCH);
    await page.evaluate(SUBMIT, q);
    await page.evaluate(SHOWN);
    await quiet(Date.now());
    const report = await page.evaluate(REPORT);
    // Date.now() has millisecond steps: a request started in the submit's millisecond counts as after it.
    const log = await serverLog(opened);
    const before = log.filter((e) => e.start >= opened && e.start < report.wall0 && ENGINE.test(e.url));
    const after = log.filter((e) => e.start >= report.wall0);
    // "To first results": every request started by then (the server's log has millisecond steps, and a response it
    // finished a moment after the page drew its results was still needed for them).
    const first = before.concat(after.filter((e) => e.start <= report.wall1));
    const all = before.concat(after);
    const sum = (list) => list.reduce((s, e) => s + e.bytes, 0);
    const when = (e) => e.start < report.wall0 ? ' (with the page)' : e.start <= report.wall1 ? '' : ' (after first results)';
    return Object.assign(report, {
      firstBytes: sum(first), firstRequests: first.length, totalBytes: sum(all), totalRequests: all.length,
      files: all.map((e) => `${e.url} ${e.bytes} [${e.start - report.wall0}..${e.end - report.wall0} ms]${when(e)}`),
    });
  } finally {
    await context.close();
  }
}

const median = (xs) => { const s = xs.slice().sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]; };

(async () => {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  const rows = [];
  try {
    for (const q of queries) {
      for (const engine of Object.keys(ENGINES).filter((e) => !only || e === only)) {
        const samples = [];
        for (let r = 0; r < runs; r++) samples.push(await measure(browser, engine, q));
        const last = samples[samples.length - 1];
        rows.push({
          label, q, engine, runs, ms: median(samples.map((s) => s.ms)), msAll: samples.map((s) => Math.round(s.ms)),
          firstBytes: median(samples.map((s) => s.firstBytes)), firstRequests: median(samples.map((s) => s.firstRequests)),
          totalBytes: median(samples.map((s) => s.totalBytes)), totalRequests: median(samples.map((s) => s.totalRequests)),
          shown: last.shown, status: last.status, top: last.top, files: last.files,
        });
        const row = rows[rows.length - 1];
        console.error(`${label} ${engine.padEnd(8)} ${JSON.stringify(q).padEnd(20)} ${String(Math.round(row.ms)).padStart(5)} ms ` +
          `(${row.msAll.join(', ')})  ${(row.firstBytes / 1024).toFixed(1).padStart(6)} KB in ${row.firstRequests} requests to first results, ` +
          `${(row.totalBytes / 1024).toFixed(1)} KB in all  | ${row.status}`);
      }
    }
  } finally {
    await browser.close();
  }
  if (out) fs.writeFileSync(out, JSON.stringify(rows, null, 1) + '\n');
})().catch((e) => { console.error(e); process.exit(1); });
