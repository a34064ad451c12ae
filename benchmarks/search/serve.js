#!/usr/bin/env node
// The static server of the search benchmark: node serve.js ROOT PORT [EXTRA_DIR]
//
// Serves ROOT on 127.0.0.1:PORT as a static host would: pretty URLs (a folder serves its index.html), text files
// gzip-compressed when the browser accepts it (as Netlify and GitHub Pages do; level 6, compressed once and kept),
// other files (Pagefind's own, already compressed; wasm) as they are. EXTRA_DIR is served under /__bench/ (the
// Pagefind search page).
//
// It counts what it sends, so that every request is counted, whoever makes it (Pagefind fetches its index from a
// web worker, which the page's Resource Timing does not see): for each response, the bytes written to the socket
// (status line, headers and body) and the time (Date.now()) the last byte was handed to it.
//   GET /__bench/log?since=T   the responses finished at or after T: [{url, bytes, start, end}]
// Prints "listening on URL" once ready.
'use strict';
const http = require('http');
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const root = path.resolve(process.argv[2] || '.');
const port = Number(process.argv[3] || 8080);
const extra = process.argv[4] ? path.resolve(process.argv[4]) : null;

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8', '.ics': 'text/calendar', '.csv': 'text/csv', '.wasm': 'application/wasm',
};
const COMPRESS = /^(text\/|application\/(json|xml|javascript))|image\/svg/;
const gzipped = new Map();
const log = [];

function resolve(urlPath) {
  let rel = decodeURIComponent(urlPath.split('?')[0]);
  let base = root;
  if (extra && rel.startsWith('/__bench/')) { base = extra; rel = rel.slice('/__bench'.length); }
  let file = path.join(base, rel);
  if (!file.startsWith(base)) return null;
  try {
    if (fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
  } catch (e) {
    return null;
  }
  return fs.existsSync(file) ? file : null;
}

function serveLog(req, res) {
  const since = Number(new URL(req.url, 'http://x').searchParams.get('since') || 0);
  res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(log.filter((e) => e.end >= since)));
}

http.createServer((req, res) => {
  if (req.url.startsWith('/__bench/log')) { serveLog(req, res); return; }
  // One request at a time on a connection (Chromium does not pipeline), so the socket's count is this response's.
  const start = Date.now(), written = req.socket.bytesWritten;
  res.on('finish', () => log.push({ url: req.url, bytes: req.socket.bytesWritten - written, start, end: Date.now() }));
  const file = resolve(req.url);
  if (!file) { res.writeHead(404, { 'Content-Type': 'text/plain' }); res.end('not found'); return; }
  const type = TYPES[path.extname(file)] || 'application/octet-stream';
  let body = fs.readFileSync(file);
  const headers = { 'Content-Type': type, 'Cache-Control': 'public, max-age=3600' };
  if (COMPRESS.test(type) && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
    if (!gzipped.has(file)) gzipped.set(file, zlib.gzipSync(body, { level: 6 }));
    body = gzipped.get(file);
    headers['Content-Encoding'] = 'gzip';
    headers['Vary'] = 'Accept-Encoding';
  }
  headers['Content-Length'] = body.length;
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}).listen(port, '127.0.0.1', () => console.log('listening on http://127.0.0.1:' + port + '/'));
