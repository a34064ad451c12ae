#!/usr/bin/env node
// node table.js RESULTS.json ...: the Markdown table of measure.js's results, Quorum beside Pagefind for each query.
'use strict';
const fs = require('fs');

const kb = (bytes) => (bytes / 1024).toFixed(1) + ' KB';
console.log('| site | query | Quorum: to first results | Quorum: in all | Quorum: first results | Pagefind: to first results | Pagefind: in all | Pagefind: first results | bytes Q/P |');
console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const file of process.argv.slice(2)) {
  const rows = JSON.parse(fs.readFileSync(file, 'utf8'));
  for (const q of [...new Set(rows.map((r) => r.q))]) {
    const quorum = rows.find((r) => r.q === q && r.engine === 'quorum');
    const pagefind = rows.find((r) => r.q === q && r.engine === 'pagefind');
    console.log(`| ${quorum.label} | ${q} | ${kb(quorum.firstBytes)} (${quorum.firstRequests} req.) | ${kb(quorum.totalBytes)} | ` +
      `${Math.round(quorum.ms)} ms | ${kb(pagefind.firstBytes)} (${pagefind.firstRequests} req.) | ${kb(pagefind.totalBytes)} | ` +
      `${Math.round(pagefind.ms)} ms | ${(quorum.firstBytes / pagefind.firstBytes).toFixed(2)} |`);
  }
}
