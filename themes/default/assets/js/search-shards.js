//# allFunctionsCalledOnLoad
/* Quorum's sharded lunr index, searched in the browser (or under node, for the tests).
 *
 * The index is the one lunr.js 2.3.9 would build (Quorum writes it: src/Quorum/Search/Shards/ShardWriter.cs), cut
 * into files so that a query fetches only what it needs (README "Search at scale"):
 *   manifest.json   fields, document count, the first term of each term shard, filter options
 *   t/N.json        term shard: [term, lunr index, documents, "tier A postings" (, [[tau, band size], ...])]
 *   s/I.json        a common term's set of documents;  p/I-B.json  band B of the postings left out of its tier A
 *   d/N.json        documents: what a result shows;    v/N.json    documents' lunr field vectors
 *   facets.json     kind, body and year of every document (only for the filters)
 *   terms.json      every term (only for wildcards other than a trailing one, and fuzzy terms)
 *
 * Queries are lunr.Query objects (lunr's own QueryParser, or q.term(...) as the search page builds them); terms go
 * through lunr's own search pipeline (the stemmer) and lunr.TokenSet expands wildcards, so stems and expansions
 * are lunr's. Results are exactly lunr.Index.prototype.query's: the same documents, the same scores to the last bit
 * (the same floating-point operations in the same order on the same numbers), the same order, ties included.
 *
 * Ranking without fetching every posting: a term shard holds each term's postings in the documents where it scores
 * highest (tier A), and tau, the highest score (summed over fields) of any document left out. lunr's score of a
 * document is, field by field, the query vector dotted with the document's field vector over the query vector's
 * magnitude, so a document's score from a term it holds outside tier A is at most
 * tau * max over fields (boost / magnitude). Once the n-th best exactly known result beats every bound of what is
 * not yet known, the first n results are lunr's first n. When it does not, the engine fetches what settles it most
 * cheaply: the next band of the terms concerned (the postings after tier A come in bands of falling score, each
 * lowering tau), the field vectors of one or two documents in doubt, or the sets of documents of the terms (which
 * documents match, pass a required or prohibited term, match every word; also what the count needs).
 *
 * No DOM here: module.exports under node.
 */
(function (root) {
  'use strict';

  var ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  var DIGITS = new Int8Array(128).fill(-1);
  for (var a = 0; a < ALPHABET.length; a++) DIGITS[ALPHABET.charCodeAt(a)] = a;

  /** Decodes VLQ base64url numbers (see Vlq.cs) from s[from..]; returns an array of numbers. */
  function vlq(s, from) {
    var out = [], value = 0, scale = 1;
    for (var i = from || 0; i < s.length; i++) {
      var d = DIGITS[s.charCodeAt(i)];
      if (d < 0) throw new Error('bad VLQ digit in search index');
      value += (d & 31) * scale;
      if (d & 32) { scale *= 32; continue; }
      out.push(value);
      value = 0;
      scale = 1;
    }
    return out;
  }

  /**
   * Postings: per document (ascending) a mask of fields and a score per field, in thousandths.
   * Encoded as (document gap * 2^fields + mask), then the scores of the mask's fields in field order.
   */
  function Postings(encoded, fieldCount) {
    var n = vlq(encoded);
    var docs = [], masks = [], kStart = [0], ks = [], sums = [];
    var shift = Math.pow(2, fieldCount), doc = 0, i = 0;
    while (i < n.length) {
      var head = n[i++];
      var mask = head % shift, sum = 0;
      doc += (head - mask) / shift;
      docs.push(doc);
      masks.push(mask);
      for (var f = 0; f < fieldCount; f++) if (mask & (1 << f)) { sum += n[i]; ks.push(n[i++]); }
      kStart.push(ks.length);
      sums.push(sum / 1000);
    }
    this.sums = sums;             // per document: its scores summed over fields (the bound per term)
    this.docs = docs;
    this.masks = masks;
    this.kStart = kStart;
    this.ks = ks;
    this.entries = [];
  }

  /** Position of doc in the postings, or -1. */
  Postings.prototype.find = function (doc) {
    var lo = 0, hi = this.docs.length - 1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1, d = this.docs[mid];
      if (d === doc) return mid;
      if (d < doc) lo = mid + 1; else hi = mid - 1;
    }
    return -1;
  };

  /**
   * The entry at position p: { mask, k: [thousandths by field (undefined where absent)] }. Kept once made: every
   * round of a ranking describes the same documents again.
   */
  Postings.prototype.entry = function (p, fieldCount) {
    if (this.entries[p]) return this.entries[p];
    var k = new Array(fieldCount), j = this.kStart[p];
    for (var f = 0; f < fieldCount; f++) if (this.masks[p] & (1 << f)) k[f] = this.ks[j++];
    return (this.entries[p] = { mask: this.masks[p], k: k });
  };

  /** A set of documents: "b" + bitmap or "d" + VLQ gaps. */
  function DocSet(encoded, size) {
    var flags = new Uint8Array(size), list = [];
    if (encoded.charAt(0) === 'b') {
      for (var c = 1; c < encoded.length; c++) {
        var bits = DIGITS[encoded.charCodeAt(c)];
        for (var b = 0; b < 6 && bits; b++, bits >>= 1) {
          if (bits & 1) { var d = (c - 1) * 6 + b; flags[d] = 1; list.push(d); }
        }
      }
    } else {
      var gaps = vlq(encoded, 1), doc = 0;
      for (var g = 0; g < gaps.length; g++) { doc += gaps[g]; flags[doc] = 1; list.push(doc); }
    }
    this.flags = flags;
    this.list = list;
  }

  var KIND_CODES = { m: 'meeting', i: 'item', d: 'decision', a: 'action', p: 'member', g: 'page' };

  /** facets.json: kind, body id and year (as a string) of document d. */
  function Facets(json, size) {
    var kinds = json.kinds, body = new Int32Array(size), year = new Int32Array(size);
    var runs = vlq(json.runs), at = 0;
    for (var r = 0; r + 2 < runs.length; r += 3) {
      for (var i = 0; i < runs[r]; i++, at++) { body[at] = runs[r + 1]; year[at] = runs[r + 2]; }
    }
    this.kind = function (d) { return KIND_CODES[kinds.charAt(d)] || null; };
    this.body = function (d) { return body[d] ? json.bodies[body[d] - 1] : null; };
    this.year = function (d) { return year[d] ? String(json.years + year[d] - 1) : null; };
  }

  /**
   * A term of a loaded shard: its tier-A postings are decoded when first used (a shard holds hundreds of terms, a
   * query uses a few).
   */
  function TermRecord(e, fieldCount) {
    this.term = e[0];
    this.index = e[1];
    this.df = e[2];
    this.encoded = e[3];
    this.fieldCount = fieldCount;
    this.decoded = null;
    this.levels = e.length < 5 ? [] : e[4];
    this.complete = e.length < 5;
    this.bands = [];
    this.set = null;
  }

  Object.defineProperty(TermRecord.prototype, 'a', {
    get: function () { return this.decoded || (this.decoded = new Postings(this.encoded, this.fieldCount)); },
  });

  // Documents known only from sets that might rank: once this many are found, the next bands are needed anyway.
  var SCAN_LIMIT = 256;

  // Bounds are compared with this much slack (relative), far above floating-point error and far below the
  // smallest real difference between two lunr scores that differ (a score is a multiple of 0.001).
  var SLACK = 1e-9;

  /**
   * Opens a sharded index. options: { lunr, base: URL of the shards folder (ending in "/"),
   * fetchJson(url, priority): Promise } (priority: 'low' for files fetched on a guess, else undefined).
   */
  function open(options) {
    return options.fetchJson(options.base + 'manifest.json').then(function (manifest) {
      return new ShardIndex(options.lunr, options.base, manifest, options.fetchJson);
    });
  }

  function ShardIndex(lunr, base, manifest, fetchJson) {
    if (manifest.format !== 1) throw new Error('unknown search index format ' + manifest.format);
    this.lunr = lunr;
    this.base = base;
    this.manifest = manifest;
    this.fields = manifest.fields.slice();
    this.fieldCount = this.fields.length;
    this.documentCount = manifest.documents;
    this.fetchJson = fetchJson;
    this.pipeline = lunr.Pipeline.load(['stemmer']);
    this.terms = Object.create(null);  // term -> record
    this.byIndex = Object.create(null); // lunr index -> record
    this.shardTerms = [];               // shard -> sorted terms, once loaded
    this.loading = Object.create(null); // url -> Promise
    this.chunks = Object.create(null);  // chunk -> array of documents
    this.vectorChunks = Object.create(null); // vector chunk -> array of encoded field vectors
    this.decoded = Object.create(null);   // document -> decoded field vectors
    this.facetTable = null;
    this.allTerms = null;
    this.requests = 0;
  }

  /** Fetches a file of the index once (later calls share the first's promise); low: a guess, fetched after the rest. */
  ShardIndex.prototype.get = function (path, low) {
    var self = this;
    if (!this.loading[path]) {
      this.requests++;
      this.loading[path] = this.fetchJson(this.base + path, low ? 'low' : undefined).catch(function (e) { delete self.loading[path]; throw e; });
    }
    return this.loading[path];
  };

  /** The shard whose range holds term: the last shard whose first term is <= term. */
  ShardIndex.prototype.shardOf = function (term) {
    var shards = this.manifest.shards, lo = 0, hi = shards.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (shards[mid] <= term) lo = mid; else hi = mid - 1;
    }
    return lo;
  };

  ShardIndex.prototype.loadShard = function (n) {
    var self = this;
    if (this.shardTerms[n]) return Promise.resolve();
    return this.get('t/' + n + '.json').then(function (entries) {
      if (self.shardTerms[n]) return;
      var list = [];
      for (var i = 0; i < entries.length; i++) {
        var record = new TermRecord(entries[i], self.fieldCount);
        self.terms[record.term] = record;
        self.byIndex[record.index] = record;
        list.push(record.term);
      }
      self.shardTerms[n] = list;
    });
  };

  /** The shards holding the terms that start with prefix. */
  ShardIndex.prototype.shardsWithPrefix = function (prefix) {
    var shards = this.manifest.shards, first = this.shardOf(prefix), last = first;
    while (last + 1 < shards.length && (shards[last + 1] < prefix || shards[last + 1].lastIndexOf(prefix, 0) === 0)) last++;
    var list = [];
    for (var s = first; s <= last; s++) list.push(s);
    return list;
  };

  ShardIndex.prototype.loadAll = function (numbers) {
    var self = this;
    return Promise.all(numbers.map(function (n) { return self.loadShard(n); }));
  };

  ShardIndex.prototype.dictionary = function () {
    var self = this;
    return this.get('terms.json').then(function (terms) {
      if (!self.allTerms) self.allTerms = self.lunr.TokenSet.fromArray(terms);
      return self.allTerms;
    });
  };

  ShardIndex.prototype.loadSet = function (record) {
    var self = this;
    if (record.set || record.complete) return Promise.resolve();
    return this.get('s/' + record.index + '.json').then(function (s) { if (!record.set) record.set = new DocSet(s, self.documentCount); });
  };

  // Where a term's loaded postings hold document d: 0 nowhere, else (list + 1) * 2^22 + position (list 0 is tier A).
  var LIST = 4194304;

  ShardIndex.prototype.where = function (record) {
    if (!record.where) {
      record.where = new Int32Array(this.documentCount);
      record.indexed = 0;
    }
    var lists = [record.a].concat(record.bands);
    for (; record.indexed < lists.length; record.indexed++) {
      var docs = lists[record.indexed].docs, tag = (record.indexed + 1) * LIST;
      for (var i = 0; i < docs.length; i++) record.where[docs[i]] = tag + i;
    }
    return record.where;
  };

  /** Every posting of the term is known: it is complete in its shard, or all its bands are loaded. */
  function allKnown(record) {
    return record.complete || record.bands.length === record.levels.length;
  }

  /** The highest score (summed over fields) the term can have in a document not in its known postings. */
  function tau(record) {
    return allKnown(record) ? 0 : record.levels[record.bands.length][0] / 1000;
  }

  /** Loads bands 1..upTo of the term (all of them by default), in order. */
  ShardIndex.prototype.loadBands = function (record, upTo) {
    var self = this;
    if (upTo === undefined || upTo > record.levels.length) upTo = record.levels.length;
    var loads = [];
    for (var b = record.bands.length + 1; b <= upTo; b++) loads.push(this.get('p/' + record.index + '-' + b + '.json'));
    return Promise.all(loads).then(function (bands) {
      var from = upTo - bands.length;
      for (var i = 0; i < bands.length; i++) {
        if (record.bands.length === from + i) record.bands.push(new Postings(bands[i], self.fieldCount));
      }
    });
  };

  ShardIndex.prototype.loadRest = function (record) {
    return record.complete ? Promise.resolve() : this.loadBands(record);
  };

  ShardIndex.prototype.chunkFiles = function (docs, folder, size, have) {
    var seen = Object.create(null), files = [];
    for (var i = 0; i < docs.length; i++) {
      var c = Math.floor(docs[i] / size);
      if (!seen[c] && !have[c]) { seen[c] = true; files.push(c); }
    }
    return files;
  };

  /** Loads the documents (what a result shows) of these document numbers (low: ahead of need, at low priority). */
  ShardIndex.prototype.loadDocuments = function (docs, low) {
    var self = this;
    return Promise.all(this.chunkFiles(docs, 'd', this.manifest.chunk, this.chunks).map(function (c) {
      return self.get('d/' + c + '.json', low).then(function (list) { if (!self.chunks[c]) self.chunks[c] = list; });
    }));
  };

  /** Loads the field vectors of these document numbers. */
  ShardIndex.prototype.loadVectors = function (docs) {
    var self = this;
    return Promise.all(this.chunkFiles(docs, 'v', this.manifest.vectorChunk, this.vectorChunks).map(function (c) {
      return self.get('v/' + c + '.json').then(function (list) { if (!self.vectorChunks[c]) self.vectorChunks[c] = list; });
    }));
  };

  /** Document d's metadata ({ref, title, kind, body, bodyId, date, year, excerpt, draft}), once its chunk is loaded. */
  ShardIndex.prototype.document = function (d) {
    var chunk = this.chunks[Math.floor(d / this.manifest.chunk)];
    return chunk ? chunk[d % this.manifest.chunk] : null;
  };

  /** Document d's field vectors (per field: {index: [...], k: [...]}, by ascending term index), if loaded. */
  ShardIndex.prototype.vectors = function (d) {
    if (this.decoded[d]) return this.decoded[d];
    var size = this.manifest.vectorChunk, chunk = size ? this.vectorChunks[Math.floor(d / size)] : null;
    if (!chunk) return null;
    var n = vlq(chunk[d % size]), i = 0, fields = [];
    for (var f = 0; f < this.fieldCount; f++) {
      var count = n[i++], index = [], k = [], at = 0;
      for (var j = 0; j < count; j++) { at += n[i++]; index.push(at); k.push(n[i++]); }
      fields.push({ index: index, k: k });
    }
    return (this.decoded[d] = fields);
  };

  ShardIndex.prototype.facets = function () {
    var self = this;
    if (this.facetTable) return Promise.resolve(this.facetTable);
    return this.get('facets.json').then(function (json) {
      if (!self.facetTable) self.facetTable = new Facets(json, self.documentCount);
      return self.facetTable;
    });
  };

  // ---------------------------------------------------------------------------------------------------------------
  // Preparing a query: lunr's clause loop, up to the postings

  /**
   * Expands a lunr.Query's clauses as lunr.Index.prototype.query does: each clause's terms through the pipeline (when
   * usePipeline), each term's wildcard or edit distance through lunr.TokenSet against the index's terms, loading the
   * term shards needed. Resolves to a plan the evaluation walks.
   */
  ShardIndex.prototype.prepare = function (query) {
    var self = this, lunr = this.lunr;
    var items = [];
    query.clauses.forEach(function (clause, ci) {
      var terms = clause.usePipeline ? self.pipeline.runString(clause.term, { fields: clause.fields }) : [clause.term];
      terms.forEach(function (term) {
        var fuzzy = 'editDistance' in clause;
        var star = term.indexOf('*');
        var kind = fuzzy || (star >= 0 && star !== term.length - 1) || term === '*' ? 'complex' : star >= 0 ? 'prefix' : 'exact';
        items.push({ ci: ci, clause: clause, term: term, kind: kind });
      });
    });

    // Round 1: the shards the exact terms and the prefixes fall in; the dictionary for the rest.
    var shards = [], complex = false;
    items.forEach(function (it) {
      if (it.kind === 'exact') shards.push(self.shardOf(it.term));
      else if (it.kind === 'prefix') shards = shards.concat(self.shardsWithPrefix(it.term.slice(0, -1)));
      else complex = true;
    });
    var loads = [this.loadAll(shards)];
    if (complex) loads.push(this.dictionary());
    return Promise.all(loads).then(function () {
      // Expand; complex patterns may name terms in shards not loaded yet.
      items.forEach(function (it) {
        var pattern = lunr.TokenSet.fromClause(it.kind === 'complex' && 'editDistance' in it.clause
          ? { term: it.term, editDistance: it.clause.editDistance } : { term: it.term });
        if (it.kind === 'exact') {
          it.expanded = it.term !== '' && self.terms[it.term] ? [it.term] : [];
        } else if (it.kind === 'prefix') {
          var prefix = it.term.slice(0, -1), candidates = [];
          self.shardsWithPrefix(prefix).forEach(function (s) {
            self.shardTerms[s].forEach(function (t) { if (t.lastIndexOf(prefix, 0) === 0) candidates.push(t); });
          });
          it.expanded = lunr.TokenSet.fromArray(candidates).intersect(pattern).toArray();
        } else {
          it.expanded = self.allTerms.intersect(pattern).toArray();
        }
      });
      var more = [];
      items.forEach(function (it) { it.expanded.forEach(function (t) { if (!self.terms[t]) more.push(self.shardOf(t)); }); });
      return self.loadAll(more);
    }).then(function () { return self.plan(query, items); });
  };

  /** lunr's clause loop over the expanded terms: query vectors, match steps, required and prohibited terms. */
  ShardIndex.prototype.plan = function (query, items) {
    var lunr = this.lunr, F = this.fieldCount, fieldNumber = Object.create(null);
    this.fields.forEach(function (f, i) { fieldNumber[f] = i; });
    var REQUIRED = lunr.Query.presence.REQUIRED, PROHIBITED = lunr.Query.presence.PROHIBITED;
    var qv = [];             // per field: lunr index -> summed boost
    for (var f = 0; f < F; f++) qv.push(Object.create(null));
    var steps = [];          // [record, field]: the (term, field) pairs whose documents match, in lunr's order
    var stepSeen = Object.create(null);
    var required = [];       // per required clause: [[record, field], ...]
    var prohibited = [];     // [[record, field], ...]
    var requiredDefined = Object.create(null), noResults = false;
    var records = [], recordSeen = Object.create(null); // every term record involved
    var self = this;

    var byClause = [];
    items.forEach(function (it) { (byClause[it.ci] = byClause[it.ci] || []).push(it); });
    query.clauses.forEach(function (clause, ci) {
      var clauseItems = byClause[ci] || [], clauseMatches = [];
      for (var m = 0; m < clauseItems.length; m++) {
        var expanded = clauseItems[m].expanded;
        if (expanded.length === 0 && clause.presence === REQUIRED) {
          clause.fields.forEach(function (field) { requiredDefined[field] = 'empty'; });
          break;
        }
        expanded.forEach(function (term) {
          var record = self.terms[term];
          if (!recordSeen[record.index]) { recordSeen[record.index] = true; records.push(record); }
          clause.fields.forEach(function (field) {
            var fn = fieldNumber[field];
            if (clause.presence === REQUIRED) {
              clauseMatches.push([record, fn]);
              if (requiredDefined[field] === undefined) requiredDefined[field] = 'complete';
            }
            if (clause.presence === PROHIBITED) { prohibited.push([record, fn]); return; }
            var v = qv[fn];
            v[record.index] = v[record.index] === undefined ? clause.boost : v[record.index] + clause.boost;
            var key = term + '/' + field;
            if (stepSeen[key]) return;
            stepSeen[key] = true;
            steps.push([record, fn]);
          });
        });
      }
      if (clause.presence === REQUIRED) {
        clause.fields.forEach(function (field) {
          if (requiredDefined[field] === undefined) throw new TypeError("Cannot read properties of undefined (reading 'intersect')");
          if (requiredDefined[field] === 'empty') noResults = true;
        });
        required.push(clauseMatches);
      }
    });

    // Query vectors as lunr.Vector holds them: by ascending term index; magnitude summed in that order.
    var vectors = qv.map(function (v) {
      var index = Object.keys(v).map(Number).sort(function (x, y) { return x - y; });
      var values = index.map(function (i) { return v[i]; });
      var sum = 0;
      for (var i = 0; i < values.length; i++) sum += values[i] * values[i];
      return { index: index, values: values, records: index.map(function (i) { return self.byIndex[i]; }), magnitude: Math.sqrt(sum) };
    });
    // The most a unit of a term's score (summed over fields) can add to a document's score.
    var weight = Object.create(null), boundsOk = true;
    vectors.forEach(function (v) {
      for (var i = 0; i < v.index.length; i++) {
        var w = v.values[i] / v.magnitude;
        if (!(w >= 0) || !isFinite(w)) { boundsOk = boundsOk && v.values[i] >= 0; w = 0; }
        if (!(weight[v.index[i]] >= w)) weight[v.index[i]] = w;
      }
    });
    var allFields = function (pairs) {
      var byRecord = Object.create(null);
      pairs.forEach(function (p) { byRecord[p[0].index] = (byRecord[p[0].index] || 0) | (1 << p[1]); });
      return byRecord;
    };
    // The same, by position in records, for the hot loops.
    var position = Object.create(null);
    records.forEach(function (r, i) { position[r.index] = i; });
    var stepMask = allFields(steps), allMask = (1 << F) - 1;
    var masks = function (byRecord) { return Object.keys(byRecord).map(function (i) { return [position[i], byRecord[i]]; }); };
    var stepRecords = [];
    steps.forEach(function (st) { if (stepRecords.indexOf(position[st[0].index]) < 0) stepRecords.push(position[st[0].index]); });
    return {
      negated: query.isNegated(), noResults: noResults, steps: steps, vectors: vectors, weight: weight, boundsOk: boundsOk,
      records: records, requiredMasks: required.map(allFields), prohibitedMask: allFields(prohibited), stepMask: stepMask,
      stepR: steps.map(function (st) { return position[st[0].index]; }), stepF: steps.map(function (st) { return st[1]; }),
      stepAll: records.map(function (r) { return stepMask[r.index] === allMask; }), stepRecords: stepRecords,
      req: required.map(function (c) { return masks(allFields(c)); }), pro: masks(allFields(prohibited)), matchPairs: masks(stepMask),
      w: records.map(function (r) { return weight[r.index] === undefined ? 0 : weight[r.index]; }),
      vec: vectors.map(function (v) { return { r: v.index.map(function (i) { return position[i]; }), values: v.values, magnitude: v.magnitude }; }),
      allMask: allMask,
    };
  };

  // ---------------------------------------------------------------------------------------------------------------
  // What is known about one term in one document

  var UNKNOWN = undefined;

  /** The term's entry in document d ({mask, k}), null if d does not hold it, or UNKNOWN. */
  ShardIndex.prototype.entry = function (record, d) {
    var at = (record.indexed === record.bands.length + 1 ? record.where : this.where(record))[d];
    if (at) {
      var list = at < 2 * LIST ? record.a : record.bands[Math.floor(at / LIST) - 2];
      return list.entry(at % LIST, this.fieldCount);
    }
    if (allKnown(record)) return null;
    if (record.set && !record.set.flags[d]) return null;
    var vectors = this.vectors(d);
    if (vectors) {
      var mask = 0, k = new Array(this.fieldCount);
      for (var f = 0; f < this.fieldCount; f++) {
        var v = vectors[f], lo = 0, hi = v.index.length - 1;
        while (lo <= hi) {
          var mid = (lo + hi) >> 1;
          if (v.index[mid] === record.index) { mask |= 1 << f; k[f] = v.k[mid]; break; }
          if (v.index[mid] < record.index) lo = mid + 1; else hi = mid - 1;
        }
      }
      return mask ? { mask: mask, k: k } : null;
    }
    return UNKNOWN;
  };

  /** Whether document d holds the term in any of the fields of mask: true, false or UNKNOWN. */
  function holds(entry, record, d, mask, allMask) {
    if (entry === null) return false;
    if (entry !== UNKNOWN) return (entry.mask & mask) !== 0;
    if (record.set && mask === allMask) return true; // in the set; any field will do
    return UNKNOWN;
  }

  // Three-valued or / and.
  function or3(a, b) { return a === true || b === true ? true : a === UNKNOWN || b === UNKNOWN ? UNKNOWN : false; }

  /**
   * What is known of document d for the plan: { matched, valid, group, exact, score, key, lower, upper, terms }.
   * matched/valid/group are true, false or UNKNOWN; when every term is known, exact is true and score is lunr's score
   * (the same operations in the same order), key its place among equal scores (lunr's insertion order). words: the
   * plan's word groups (wordGroups), or null.
   */
  ShardIndex.prototype.describe = function (plan, d, words) {
    var records = plan.records, R = records.length, allMask = plan.allMask;
    var ent = new Array(R), known = true, r;
    for (r = 0; r < R; r++) {
      ent[r] = this.entry(records[r], d);
      if (ent[r] === UNKNOWN) known = false;
    }

    // Matched: some step's term in its field. firstStep and the order fields first match are lunr's insertion order.
    var matched = false, firstStep = -1, fieldOrder = [], fieldSeen = 0;
    for (var s = 0; s < plan.stepR.length; s++) {
      r = plan.stepR[s];
      var field = plan.stepF[s], e = ent[r];
      if (e === UNKNOWN) {
        // In the set of a term whose steps cover every field: it matches (in which field is not known).
        if (records[r].set && plan.stepAll[r]) matched = true;
        else if (matched !== true) matched = UNKNOWN;
      } else if (e !== null && (e.mask & (1 << field)) !== 0) {
        matched = true;
        if (firstStep < 0) firstStep = s;
        if (!(fieldSeen & (1 << field))) { fieldSeen |= 1 << field; fieldOrder.push(field); }
      }
    }

    // Valid: every required clause met, no prohibited term.
    var valid = plan.noResults ? false : true;
    for (var c = 0; c < plan.req.length && valid !== false; c++) {
      var met = false, clause = plan.req[c];
      for (var i = 0; i < clause.length && met !== true; i++) {
        met = or3(met, holds(ent[clause[i][0]], records[clause[i][0]], d, clause[i][1], allMask));
      }
      if (met === false) valid = false;
      else if (met === UNKNOWN) valid = UNKNOWN;
    }
    for (var p = 0; p < plan.pro.length && valid !== false; p++) {
      var ph = holds(ent[plan.pro[p][0]], records[plan.pro[p][0]], d, plan.pro[p][1], allMask);
      if (ph === true) valid = false;
      else if (ph === UNKNOWN) valid = UNKNOWN;
    }

    // Group (the search page's "matches every word" first): each word matched whole or as a prefix.
    var group = 0;
    if (words) {
      group = true;
      for (var w = 0; w < words.length && group !== false; w++) {
        var found = false, list = words[w];
        for (var t = 0; t < list.length && found !== true; t++) {
          var st = list[t], se = ent[plan.stepR[st]];
          found = or3(found, se === UNKNOWN ? (records[plan.stepR[st]].set && plan.stepAll[plan.stepR[st]] ? true : UNKNOWN)
            : se !== null && (se.mask & (1 << plan.stepF[st])) !== 0);
        }
        if (found === false) group = false;
        else if (found === UNKNOWN) group = UNKNOWN;
      }
      if (group === true) group = 1; else if (group === false) group = 0;
    }

    var result = { doc: d, matched: matched, valid: valid, group: group, exact: known, unknown: null };
    var f, v, j, en;
    if (known) {
      // lunr: score = sum over the document's matching fields, in the order they first matched, of
      // queryVector.similarity(fieldVector) = queryVector.dot(fieldVector) / queryVector.magnitude() || 0.
      var score;
      for (i = 0; i < fieldOrder.length; i++) {
        f = fieldOrder[i];
        v = plan.vec[f];
        var dot = 0;
        for (j = 0; j < v.r.length; j++) {
          en = ent[v.r[j]];
          if (en && en.k[f] !== undefined) dot += v.values[j] * (en.k[f] / 1000);
        }
        var fs = dot / v.magnitude || 0;
        score = i === 0 ? fs : score + fs;
      }
      result.score = score || 0;
      result.key = firstStep;
      result.lower = result.upper = result.score;
    } else {
      // Bounds: the known part, plus for each unknown term tau times its weight.
      var lower = 0, extra = 0;
      for (f = 0; f < this.fieldCount; f++) {
        v = plan.vec[f];
        if (!(v.magnitude > 0)) continue;
        for (j = 0; j < v.r.length; j++) {
          en = ent[v.r[j]];
          if (en && en.k[f] !== undefined) lower += v.values[j] * (en.k[f] / 1000) / v.magnitude;
        }
      }
      result.unknown = [];
      for (r = 0; r < R; r++) {
        if (ent[r] !== UNKNOWN) continue;
        result.unknown.push(records[r]);
        extra += plan.w[r] * tau(records[r]);
      }
      result.lower = lower * (1 - SLACK);
      result.upper = (lower + extra) * (1 + SLACK) + 1e-12;
    }
    return result;
  };

  /** lunr's match data metadata for a result: {term: {field: {}}} for each step's term the document has in its field. */
  ShardIndex.prototype.matchedTerms = function (plan, d) {
    var terms = Object.create(null);
    for (var s = 0; s < plan.stepR.length; s++) {
      var record = plan.records[plan.stepR[s]], field = plan.stepF[s], e = this.entry(record, d);
      if (e && (e.mask & (1 << field))) (terms[record.term] = terms[record.term] || Object.create(null))[this.fields[field]] = {};
    }
    return terms;
  };

  function wordMatches(word, term) {
    return term === word.stem || (word.word.length >= 2 && term.lastIndexOf(word.word, 0) === 0);
  }

  /** For each word of the search page's grouping, the steps whose term matches it (whole, or as a prefix). */
  function wordGroups(plan, words) {
    if (!words) return null;
    return words.map(function (word) {
      var list = [];
      for (var s = 0; s < plan.stepR.length; s++) if (wordMatches(word, plan.records[plan.stepR[s]].term)) list.push(s);
      return list;
    });
  }

  /** Display order: group (every word first), then lunr's order: score, then insertion order. */
  function compare(x, y) {
    if (x.group !== y.group) return y.group - x.group;
    if (x.score !== y.score) return y.score - x.score;
    if (x.key !== y.key) return x.key - y.key;
    return x.doc - y.doc;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Evaluating: the first n results, exactly

  /** Whether the term's document d is known: 1 holds it (some field), 0 does not, UNKNOWN (a bit cheaper than entry). */
  ShardIndex.prototype.presence = function (record, d) {
    if ((record.indexed === record.bands.length + 1 ? record.where : this.where(record))[d]) return 1;
    if (allKnown(record)) return 0;
    if (record.set) return record.set.flags[d];
    return UNKNOWN;
  };

  /**
   * What a document in no loaded list could be: null if there can be none, else {upper, group (UNKNOWN or 0), valid}.
   * Such a document holds none of the terms whose documents are all known, and any of the others, each scoring at
   * most tau.
   */
  ShardIndex.prototype.outside = function (plan, words) {
    var records = plan.records, open = [];
    plan.stepRecords.forEach(function (r) { if (!allKnown(records[r]) && !records[r].set) open.push(r); });
    if (open.length === 0 || plan.noResults) return null;
    var upper = 0;
    open.forEach(function (r) { upper += plan.w[r] * tau(records[r]); });
    // A required clause all of whose terms are fully known cannot be met.
    for (var c = 0; c < plan.req.length; c++) {
      var possible = plan.req[c].some(function (rm) {
        var rec = records[rm[0]];
        return !allKnown(rec) && !(rec.set && rm[1] === plan.allMask);
      });
      if (!possible) return null;
    }
    var group = 0;
    if (words) {
      group = UNKNOWN;
      for (var w = 0; w < words.length; w++) {
        if (!words[w].some(function (s) { return open.indexOf(plan.stepR[s]) >= 0; })) { group = 0; break; }
      }
    }
    return { doc: -1, upper: upper * (1 + SLACK) + 1e-12, group: group, outside: true, unknown: open.map(function (r) { return records[r]; }) };
  };

  /** The n-th best sure result by (group, lower bound): the first n results all rank at least there. */
  function threshold(sure, n) {
    if (sure.length < n) return null;
    // The n best in a small sorted buffer (n is at most a page or two; sure may hold thousands).
    var best = [];
    for (var i = 0; i < sure.length; i++) keepBest(best, sure[i], n);
    return best[n - 1];
  }

  function better(x, y) { return x.group !== y.group ? x.group > y.group : x.lower > y.lower; }

  /** Puts sure result x in best (sorted by better, at most n long) if it is among the n best. */
  function keepBest(best, x, n) {
    if (best.length === n && !better(x, best[n - 1])) return;
    var at = best.length === n ? n - 1 : best.length;
    while (at > 0 && better(x, best[at - 1])) { best[at] = best[at - 1]; at--; }
    best[at] = x;
  }

  function reaches(theta, group, upper) {
    if (!theta) return true;
    return group > theta.group || (group === theta.group && !(upper < theta.lower));
  }

  /**
   * The first n results of a prepared plan, exactly lunr's (in the search page's order when words are given:
   * results matching every word first), among documents passing filter(d) if given; loads what it needs.
   * Resolves to { results: [{doc, score, key, group, terms}], exhausted: whether there are no more }.
   */
  ShardIndex.prototype.top = function (plan, n, words, filter) {
    var self = this;
    if (plan.negated) return this.negatedTop(plan, n, filter);
    if (plan.noResults) return Promise.resolve({ results: [], exhausted: true });
    var groups = wordGroups(plan, words), rounds = 0;
    function attempt() {
      rounds++;
      var records = plan.records, N = self.documentCount;
      var seen = new Uint8Array(N), sure = [], unsure = [], skipped = false;
      var consider = function (x) {
        if (x.matched === false || x.valid === false) return;
        (x.matched === true && x.valid === true && x.group !== UNKNOWN ? sure : unsure).push(x);
      };
      // 1. Documents in a matching term's tier A, best quick bound first (a top-k scan): each is described in full
      // until one cannot reach the n-th best exact score so far, and then none after it can (they give a first
      // theta at a fraction of the work: a common word's tier A holds hundreds of documents).
      var tierA = function () {
        var candidates = [];
        plan.stepRecords.forEach(function (r) {
          var docs = records[r].a.docs;
          for (var i = 0; i < docs.length; i++) {
            var d = docs[i];
            if (seen[d]) continue;
            seen[d] = 1;
            if (filter && !filter(d)) continue;
            candidates.push({ doc: d, group: self.quickGroup(plan, groups, d), upper: self.quickUpper(plan, d) });
          }
        });
        candidates.sort(function (x, y) { return y.group - x.group || y.upper - x.upper || x.doc - y.doc; });
        var best = [];
        for (var c = 0; c < candidates.length; c++) {
          var theta = best.length === n ? best[n - 1] : null;
          if (theta && !reaches(theta, candidates[c].group, candidates[c].upper)) { skipped = true; break; }
          var x = self.describe(plan, candidates[c].doc, groups);
          consider(x);
          if (x.matched === true && x.valid === true && x.group !== UNKNOWN) keepBest(best, x, n);
        }
      };
      // Then those in its loaded bands, described if a quick bound says they might reach theta.
      var banded = function () {
        plan.stepRecords.forEach(function (r) {
          var lists = records[r].bands;
          for (var l = 0; l < lists.length; l++) {
            // Raised before each band: the bands before it may have added sure results.
            var theta = threshold(sure, n);
            var docs = lists[l].docs;
            for (var i = 0; i < docs.length; i++) {
              var d = docs[i];
              if (seen[d]) continue;
              seen[d] = 1;
              if (filter && !filter(d)) continue;
              if (theta && !reaches(theta, self.quickGroup(plan, groups, d), self.quickUpper(plan, d))) { skipped = true; continue; }
              consider(self.describe(plan, d, groups));
            }
          }
        });
      };
      tierA();
      banded();
      // 2. Documents known only from a term's set: bounded (none can beat every term's tau at once, so when that
      // cannot reach theta there is nothing to look at); only those that might rank are kept, and once many are
      // found that is enough to know more bands are needed.
      var theta0 = threshold(sure, n), most = 0, scanned = 0;
      plan.stepRecords.forEach(function (r) { most += plan.w[r] * tau(records[r]); });
      if (reaches(theta0, groups ? 1 : 0, most * (1 + SLACK) + 1e-12)) {
        var present = new Int8Array(records.length);
        plan.stepRecords.forEach(function (r) {
          var set = records[r].set;
          if (!set) return;
          for (var i = 0; i < set.list.length && scanned < SCAN_LIMIT; i++) {
            var d = set.list[i];
            if (seen[d]) continue;
            seen[d] = 1;
            if (filter && !filter(d)) continue;
            var x = self.vectors(d) ? self.describe(plan, d, groups) : self.bound(plan, d, groups, theta0, present);
            if (x) { consider(x); scanned++; }
          }
        });
        if (scanned >= SCAN_LIMIT) {
          // Not all looked at: the rest stand as one document that may hold every term, still to be settled.
          unsure.push({ doc: -1, upper: most * (1 + SLACK) + 1e-12, group: groups ? UNKNOWN : 0, outside: true,
            unknown: plan.stepRecords.map(function (r) { return records[r]; }).filter(function (rec) { return !allKnown(rec); }) });
        }
      }
      var out = self.outside(plan, groups);
      if (out) unsure.push(out);
      var theta = threshold(sure, n);
      var relevant = [], blocking = [];
      sure.forEach(function (x) {
        if (!reaches(theta, x.group, x.upper)) return;
        relevant.push(x);
        if (!x.exact) blocking.push(x);
      });
      unsure.forEach(function (x) { if (reaches(theta, x.group === UNKNOWN ? 1 : x.group, x.upper)) blocking.push(x); });
      if (blocking.length === 0) {
        relevant.sort(compare);
        var results = relevant.slice(0, n);
        results.forEach(function (x) { x.terms = self.matchedTerms(plan, x.doc); });
        return { results: results, exhausted: !skipped && sure.length <= n && unsure.length === 0 };
      }
      if (rounds > 12) throw new Error('search did not settle');
      var next = rounds > 8 ? self.loadEverything(plan) : self.resolve(plan, blocking, theta, n);
      // While the ranking settles, fetch the documents of the best results so far (after what settles it, and at low
      // priority): they are usually the final ones, and arrive with the next round's files instead of after them.
      var likely = relevant.slice().sort(function (x, y) { return y.group - x.group || y.lower - x.lower; }).slice(0, n);
      self.loadDocuments(likely.map(function (x) { return x.doc; }), true).catch(function () { /* fetched again when shown */ });
      return next.then(attempt);
    }
    var ready = filter ? this.facets() : Promise.resolve();
    if (!plan.boundsOk) ready = ready.then(function () { return self.loadEverything(plan); });
    return ready.then(attempt);
  };

  /** The best group document d could be in: 0 if some word's terms are all known absent from it, else 1. */
  ShardIndex.prototype.quickGroup = function (plan, groups, d) {
    if (!groups) return 0;
    for (var w = 0; w < groups.length; w++) {
      var possible = false;
      for (var t = 0; t < groups[w].length && !possible; t++) possible = this.presence(plan.records[plan.stepR[groups[w][t]]], d) !== 0;
      if (!possible) return 0;
    }
    return 1;
  };

  /** An upper bound on document d's score: each matching term's known score (summed over fields), else tau. */
  ShardIndex.prototype.quickUpper = function (plan, d) {
    var records = plan.records, upper = 0;
    for (var j = 0; j < plan.stepRecords.length; j++) {
      var r = plan.stepRecords[j], record = records[r];
      var at = (record.indexed === record.bands.length + 1 ? record.where : this.where(record))[d];
      if (at) upper += plan.w[r] * (at < 2 * LIST ? record.a : record.bands[Math.floor(at / LIST) - 2]).sums[at % LIST];
      else if (!allKnown(record) && !(record.set && !record.set.flags[d])) upper += plan.w[r] * tau(record);
    }
    return upper * (1 + SLACK) + 1e-12;
  };

  /**
   * Document d, known only from sets (in no loaded posting list of a matching term), if it might rank as high as
   * theta: then a description with bounds (no score is known: each term it may hold adds at most weight * tau);
   * null if it cannot (it cannot meet a required term, holds a prohibited one, or cannot reach theta).
   */
  ShardIndex.prototype.bound = function (plan, d, groups, theta, present) {
    var records = plan.records, R = records.length, upper = 0, unknown = [], r;
    for (r = 0; r < R; r++) {
      var pr0 = this.presence(records[r], d);
      present[r] = pr0 === UNKNOWN ? -1 : pr0;
    }
    var valid = true;
    for (var c = 0; c < plan.req.length; c++) {
      var clause = plan.req[c], met = false;
      for (var i = 0; i < clause.length; i++) {
        var pr = present[clause[i][0]];
        if (pr === 1 && clause[i][1] === plan.allMask) met = true;
        else if (pr !== 0 && met !== true) met = UNKNOWN;
      }
      if (met === false) return null;
      if (met === UNKNOWN) valid = UNKNOWN;
    }
    for (var p = 0; p < plan.pro.length; p++) {
      var pp = present[plan.pro[p][0]];
      if (pp === 1 && plan.pro[p][1] === plan.allMask) return null;
      if (pp !== 0) valid = UNKNOWN;
    }
    var group = 0;
    if (groups) {
      group = 1;
      for (var w = 0; w < groups.length && group !== 0; w++) {
        var found = 0;
        for (var t = 0; t < groups[w].length; t++) {
          var ps = present[plan.stepR[groups[w][t]]];
          if (ps === 1 && plan.stepAll[plan.stepR[groups[w][t]]]) { found = 1; break; }
          if (ps !== 0) found = UNKNOWN;
        }
        group = found === 0 ? 0 : found === UNKNOWN ? UNKNOWN : group;
      }
    }
    for (r = 0; r < R; r++) if (present[r] !== 0) upper += plan.w[r] * tau(records[r]);
    upper = upper * (1 + SLACK) + 1e-12;
    if (!reaches(theta, group === UNKNOWN ? 1 : group, upper)) return null;
    for (r = 0; r < R; r++) if (present[r] !== 0) unknown.push(records[r]);
    return { doc: d, matched: true, valid: valid, group: group, exact: false, lower: 0, upper: upper, unknown: unknown };
  };

  // Rough sizes in bytes, to choose what to fetch: a posting in a band, a document's field vectors, a document in a
  // set written as gaps. (An engine's own
  // costs can be set, as the tests do to take each way.)
  ShardIndex.prototype.costs = { posting: 5, vector: 300, gap: 2 };

  // The most bytes of a band fetched beside a term's set, in the same round, on the guess that it will be needed.
  var BAND_WITH_SET = 16384;
  // The most bytes of a second band fetched with the first.
  var SECOND_BAND = 24576;

  /**
   * Fetches what settles the blocking documents, most cheaply: sets (or the next band, when smaller) where only
   * knowing which documents hold a term will do (a document that may match every word, or meet a required term,
   * ranks first whatever its score), else
   * the field vectors of the documents in doubt or the next band of their unknown terms, whichever is smaller.
   */
  ShardIndex.prototype.resolve = function (plan, blocking, theta, n) {
    var self = this, allMask = plan.allMask;
    var presence = false, docs = [], records = [], seen = Object.create(null);
    blocking.forEach(function (b) {
      // Unknown group or validity blocks whatever the score when it could lift the document above theta's group,
      // or when there is no theta (fewer than n sure results).
      var unsure = b.valid === UNKNOWN || b.matched === UNKNOWN || b.group === UNKNOWN;
      if (unsure && (!theta || (b.group === UNKNOWN && theta.group === 0))) presence = true;
      if (!b.outside) docs.push(b.doc);
      (b.unknown || []).forEach(function (r) { if (!seen[r.index]) { seen[r.index] = true; records.push(r); } });
    });
    var loads = [];
    if (presence) {
      plan.records.forEach(function (r) {
        if (allKnown(r) || (r.set && !needsPostings(plan, r, allMask))) return;
        if (needsPostings(plan, r, allMask)) loads.push(self.loadRest(r));
        // Which documents hold the term: its next band when that is smaller than its set (a set grows with the
        // site, a band does not, and a band brings scores too; the bands, all loaded, say as much as the set).
        else if (r.levels[r.bands.length][1] * self.costs.posting < self.setCost(r)) loads.push(self.loadBands(r, r.bands.length + 1));
        else {
          loads.push(self.loadSet(r));
          // Its scores will most likely be wanted next (a document found to hold every word still needs a score
          // to rank): the next band comes in the same round when it is small.
          if (r.levels[r.bands.length][1] * self.costs.posting <= BAND_WITH_SET) loads.push(self.loadBands(r, r.bands.length + 1));
        }
      });
    }
    if (loads.length === 0) {
      var vectorFiles = this.manifest.vectorChunk && !blocking.some(function (b) { return b.outside; })
        ? this.chunkFiles(docs, 'v', this.manifest.vectorChunk, this.vectorChunks).length : Infinity;
      var bandBytes = 0;
      records.forEach(function (r) { if (!allKnown(r)) bandBytes += r.levels[r.bands.length][1] * self.costs.posting; });
      if (vectorFiles > 0 && vectorFiles * this.manifest.vectorChunk * self.costs.vector <= bandBytes) {
        loads.push(this.loadVectors(docs));
      } else {
        records.forEach(function (r) { if (!allKnown(r)) loads.push(self.loadBands(r, self.bandsToFetch(r))); });
      }
    }
    if (loads.length === 0) return this.loadEverything(plan);
    return Promise.all(loads);
  };

  /**
   * How deep to fetch a term's bands when its next one is needed: the first band brings the second along when that
   * is small (a common word that needs its first band nearly always needs its second: one round instead of two).
   */
  ShardIndex.prototype.bandsToFetch = function (r) {
    var next = r.bands.length + 1;
    if (next === 1 && r.levels.length >= 2 && r.levels[1][1] * this.costs.posting <= SECOND_BAND) return 2;
    return next;
  };

  /** About how many characters the term's set file takes: a bitmap of every document, or a gap per document. */
  ShardIndex.prototype.setCost = function (record) {
    return Math.min(Math.ceil(this.documentCount / 6), record.df * this.costs.gap);
  };

  /** A term some clause restricts to some fields: which documents hold it needs its postings (a set says "some field"). */
  function needsPostings(plan, r, allMask) {
    return (plan.stepMask[r.index] !== undefined && plan.stepMask[r.index] !== allMask) ||
      (plan.prohibitedMask[r.index] !== undefined && plan.prohibitedMask[r.index] !== allMask) ||
      plan.requiredMasks.some(function (m) { return m[r.index] !== undefined && m[r.index] !== allMask; });
  }

  ShardIndex.prototype.loadEverything = function (plan) {
    var self = this;
    return Promise.all(plan.records.map(function (r) { return self.loadRest(r); }));
  };

  /** A query of prohibited terms only: every document without them, score 0, in document order (lunr's). */
  ShardIndex.prototype.negatedTop = function (plan, n, filter) {
    var self = this;
    return this.prohibitedSets(plan).then(function () { return filter ? self.facets() : null; }).then(function () {
      var flags = self.flags(plan, plan.pro), results = [];
      for (var d = 0; d < self.documentCount && results.length <= n; d++) {
        if (flags[d] || (filter && !filter(d))) continue;
        results.push({ doc: d, score: 0, key: 0, group: 0, terms: Object.create(null) });
      }
      return { results: results.slice(0, n), exhausted: results.length <= n };
    });
  };

  ShardIndex.prototype.prohibitedSets = function (plan) {
    var self = this;
    return Promise.all(plan.pro.map(function (rm) {
      var r = plan.records[rm[0]];
      return rm[1] === plan.allMask ? self.loadSet(r) : self.loadRest(r);
    }));
  };

  /**
   * A document flag array: set where the document holds any of these [record position, field mask] terms in those
   * fields. Every term must be fully known (complete, all bands, or its set when the mask is every field).
   */
  ShardIndex.prototype.flags = function (plan, pairs) {
    var out = new Uint8Array(this.documentCount);
    pairs.forEach(function (rm) {
      var r = plan.records[rm[0]], mask = rm[1];
      if (mask === plan.allMask && r.set && !allKnown(r)) {
        var flags = r.set.flags;
        for (var d = 0; d < flags.length; d++) if (flags[d]) out[d] = 1;
        return;
      }
      [r.a].concat(r.bands).forEach(function (list) {
        for (var i = 0; i < list.docs.length; i++) if (list.masks[i] & mask) out[list.docs[i]] = 1;
      });
    });
    return out;
  };

  /**
   * How many results the plan has, and how many pass the filter: { total, filtered }. Loads the sets of every
   * term not complete in its shard (all its postings where a clause restricts the term to some fields).
   */
  ShardIndex.prototype.count = function (plan, filter) {
    var self = this, allMask = plan.allMask;
    if (plan.noResults && !plan.negated) return Promise.resolve({ total: 0, filtered: 0 });
    var loads = plan.records.map(function (r) {
      if (allKnown(r) || (r.set && !needsPostings(plan, r, allMask))) return null;
      return needsPostings(plan, r, allMask) ? self.loadRest(r) : self.loadSet(r);
    });
    if (filter) loads.push(this.facets());
    return Promise.all(loads).then(function () {
      // lunr: a result matches some step's term in the step's field, meets every required clause (some term of
      // it in one of its fields), and holds no prohibited term in the prohibited clause's fields.
      var N = self.documentCount;
      var matched = plan.negated ? null : self.flags(plan, plan.matchPairs);
      var required = plan.req.map(function (c) { return self.flags(plan, c); });
      var prohibited = self.flags(plan, plan.pro);
      var total = 0, filtered = 0;
      for (var d = 0; d < N; d++) {
        if ((matched && !matched[d]) || prohibited[d]) continue;
        var ok = true;
        for (var c = 0; c < required.length && ok; c++) ok = required[c][d] === 1;
        if (!ok) continue;
        total++;
        if (!filter || filter(d)) filtered++;
      }
      return { total: total, filtered: filtered };
    });
  };

  /** Whether the count is known without loading anything more (every term complete, or its set loaded). */
  ShardIndex.prototype.countKnown = function (plan) {
    return plan.records.every(function (r) { return allKnown(r) || r.set; });
  };

  // ---------------------------------------------------------------------------------------------------------------
  // The lunr-like interface

  /**
   * Runs a query built as for lunr's idx.query(fn) and resolves to lunr-like results, the first n in order:
   * [{ref, score, matchData: {metadata: {term: {field: {}}}}, doc, document}], with the documents' metadata loaded.
   * options: { n (default 20), words (the search page's grouping), filter(d) }.
   */
  ShardIndex.prototype.query = function (fn, options) {
    var q = new this.lunr.Query(this.fields);
    fn.call(q, q);
    return this.run(q, options);
  };

  /** As lunr's idx.search(text): lunr's query syntax. Rejects with lunr.QueryParseError for a query lunr rejects. */
  ShardIndex.prototype.search = function (text, options) {
    var lunr = this.lunr;
    return this.query(function (q) { new lunr.QueryParser(text, q).parse(); }, options);
  };

  ShardIndex.prototype.run = function (query, options) {
    var self = this;
    options = options || {};
    var n = options.n === undefined ? 20 : options.n;
    return this.prepare(query).then(function (plan) {
      return self.top(plan, n, options.words || null, options.filter || null).then(function (top) {
        return self.materialise(top.results).then(function (results) {
          return { results: results, plan: plan, exhausted: top.exhausted };
        });
      });
    });
  };

  /** Turns engine results into lunr-like ones, loading their documents. */
  ShardIndex.prototype.materialise = function (top) {
    var self = this;
    return this.loadDocuments(top.map(function (x) { return x.doc; })).then(function () {
      return top.map(function (x) {
        var document = self.document(x.doc);
        return { ref: document.ref, score: x.score, matchData: { metadata: x.terms }, doc: x.doc, document: document };
      });
    });
  };

  // ---------------------------------------------------------------------------------------------------------------
  // Practice: a made-up index in memory, to warm the engine's code up

  /** Numbers as VLQ base64url digits (Vlq.cs): 5 bits a digit, least significant first, 32 set on all but the last. */
  function vlqString(numbers) {
    var s = '';
    for (var i = 0; i < numbers.length; i++) {
      var v = numbers[i];
      while (v >= 32) { s += ALPHABET.charAt((v % 32) | 32); v = Math.floor(v / 32); }
      s += ALPHABET.charAt(v);
    }
    return s;
  }

  // The practice index's terms in lunr's order (a term's place is its lunr index) and how many documents hold each.
  var PRACTICE_TERMS = [['alpha', 900], ['alphabet', 60], ['beta', 700], ['delta', 400], ['gamma', 20]];

  /**
   * A maker of fresh ShardIndexes (nothing loaded yet) over a made-up index shaped like a large site's, scaled down
   * (6,000 documents, tiers of 32, bands growing 4 times), its files made in memory, in the real formats, when the
   * engine asks for them. Searching it runs the steps a real search runs (decoding, ranking, bands, sets, documents,
   * counting) and fetches nothing: the search page runs a few queries on it while idle after loading, so that V8
   * has optimised the engine before the first real query (run cold, the first ranking on a large site took longer
   * than fetching the files it needed).
   */
  function practice(lunr, fields) {
    var F = fields.length, N = 6000, TIER = 32, CHUNK = 8, seed = 2463534242;
    var random = function (n) { seed ^= seed << 13; seed ^= seed >>> 17; seed ^= seed << 5; return (seed >>> 0) % n; }; // xorshift
    var terms = PRACTICE_TERMS.map(function (spec, index) {
      var postings = [];
      for (var d = 0; d < N; d++) {
        if (random(N) >= spec[1]) continue;
        var mask = 1 + random((1 << F) - 1), k = [], sum = 0;
        for (var f = 0; f < F; f++) if (mask & (1 << f)) { k.push(1 + random(4000)); sum += k[k.length - 1]; }
        postings.push({ doc: d, mask: mask, k: k, sum: sum });
      }
      // Tier A holds the best postings, then bands of falling score, each 4 times the one before.
      var ranked = postings.slice().sort(function (x, y) { return y.sum - x.sum || x.doc - y.doc; });
      var levels = [], size = TIER;
      for (var at = 0; at < ranked.length; at += size, size *= 4) levels.push(ranked.slice(at, at + size));
      return { term: spec[0], index: index, postings: postings, levels: levels };
    });
    var encode = function (list) {
      var numbers = [], previous = 0;
      list.slice().sort(function (x, y) { return x.doc - y.doc; }).forEach(function (p) {
        numbers.push((p.doc - previous) * Math.pow(2, F) + p.mask);
        previous = p.doc;
        numbers.push.apply(numbers, p.k);
      });
      return vlqString(numbers);
    };
    var entry = function (t) {
      var e = [t.term, t.index, t.postings.length, encode(t.levels[0])];
      if (t.levels.length > 1) {
        e.push(t.levels.slice(1).map(function (band) { return [band.reduce(function (m, p) { return Math.max(m, p.sum); }, 0), band.length]; }));
      }
      return e;
    };
    var set = function (t) {
      var bits = new Array(Math.ceil(N / 6)).fill(0);
      t.postings.forEach(function (p) { bits[Math.floor(p.doc / 6)] |= 1 << (p.doc % 6); });
      return 'b' + bits.map(function (b) { return ALPHABET.charAt(b); }).join('');
    };
    var documents = function (c) {
      var list = [];
      for (var d = c * CHUNK; d < Math.min(N, (c + 1) * CHUNK); d++) {
        list.push({ ref: '/practice/' + d + '/', title: 'Practice alpha ' + d, kind: 'item', body: 'Practice board', bodyId: 'practice',
          date: '2020-01-01', year: 2020, excerpt: 'Alpha, beta and gamma: a made-up document to practise on.', draft: false });
      }
      return list;
    };
    var file = function (path) {
      var m = /^([tpsd])\/(\d+)(?:-(\d+))?\.json$/.exec(path), n = m ? Number(m[2]) : -1;
      if (!m) throw new Error('no practice file ' + path);
      if (m[1] === 't') return terms.filter(function (t) { return (t.term < 'b' ? 0 : 1) === n; }).map(entry);
      if (m[1] === 'p') return encode(terms[n].levels[Number(m[3])]);
      if (m[1] === 's') return set(terms[n]);
      return documents(n);
    };
    var manifest = { format: 1, fields: fields, documents: N, chunk: CHUNK, vectorChunk: 0, shards: ['', 'b'] };
    var made = Object.create(null);
    // Each file made once, and parsed from JSON text each time, as a fetched file is: the engine sees the same kinds
    // of arrays and objects as on a real site.
    var fetchJson = function (path) { return Promise.resolve(JSON.parse(made[path] || (made[path] = JSON.stringify(file(path))))); };
    return function () { return new ShardIndex(lunr, '', manifest, fetchJson); };
  }

  var api = { open: open, ShardIndex: ShardIndex, vlq: vlq, Postings: Postings, DocSet: DocSet, practice: practice };
  if (typeof module === 'object' && module.exports) module.exports = api;
  else root.QuorumShards = api;
})(typeof self !== 'undefined' ? self : this);
