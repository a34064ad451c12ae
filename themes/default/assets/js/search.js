//# allFunctionsCalledOnLoad
/* Quorum search page: the prebuilt, sharded lunr index, searched in the browser.
 *
 * lunr.min.js, search-shards.js and search/shards/manifest.json (about 25 KB compressed) load as the search page
 * opens, so a query only waits for what it needs: the term shards and the documents it shows (search-shards.js;
 * README "Search at scale"). Other pages' search boxes submit to this page, and fetch nothing.
 * Every string from the index goes into the page as text (textContent, createTextNode), never as HTML.
 * The functions above the "Page" section use no DOM: tests run them under node (module.exports at the end).
 * run() searches a whole lunr.Index (search/lunr-index.json, which small sites still have) as the page did before the
 * shards; shardQuery() builds the same query for the shards, and the tests check that both rank alike.
 */
(function () {
  'use strict';

  // ---------------------------------------------------------------------------------------------------------
  // Querying

  /** True when the query uses lunr's query syntax: field:term, term^boost, term~distance, wild*card, +required, -prohibited. */
  function usesSyntax(text) {
    return /[:^~*+]|(^|\s)-/.test(text);
  }

  /**
   * The words of a plain query as lunr tokenizes and trims them, stop words dropped: [{ word, stem }], where stem is
   * the word as the index holds it (stemmed). Query syntax characters are spaces here, for the fallback.
   */
  function queryWords(lunr, text) {
    var words = [];
    var tokens = lunr.tokenizer(String(text).replace(/[:^~*+]/g, ' '));
    for (var i = 0; i < tokens.length; i++) {
      var token = lunr.trimmer(tokens[i]);
      var word = token.toString();
      if (word.length === 0 || !lunr.stopWordFilter(token)) continue;
      words.push({ word: word, stem: lunr.stemmer(new lunr.Token(word)).toString() });
    }
    return words;
  }

  /**
   * Clauses for a query of plain words: each word both as itself (through the stemmer, as the index was built;
   * boost 10) and as a prefix (a trailing wildcard on the word as typed; boost 1), so that "bench" finds "benches"
   * and "benchm" finds "benchmarking" while whole-word matches rank first. A word of one character is matched whole
   * only: as a prefix it would match most of the index.
   */
  function wordClauses(lunr, text) {
    var clauses = [];
    var words = queryWords(lunr, text);
    for (var i = 0; i < words.length; i++) {
      clauses.push({ term: words[i].word, boost: 10 });
      if (words[i].word.length >= 2) {
        clauses.push({ term: words[i].word, boost: 1, usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING });
      }
    }
    return clauses;
  }

  /** Whether a result matched every word of the query, whole or as a prefix (from its match data). */
  function matchesEveryWord(words, terms) {
    return words.every(function (w) {
      if (Object.prototype.hasOwnProperty.call(terms, w.stem)) return true;
      if (w.word.length < 2) return false;
      for (var term in terms) if (term.lastIndexOf(w.word, 0) === 0) return true;
      return false;
    });
  }

  /**
   * lunr ranks by score and any word may match. Results that match every word come first (each group in score
   * order), so "L CIO 04/01" puts the page about 04/01 before the many pages that only say "L CIO"; nothing is
   * dropped, so a mistyped word still leaves results.
   */
  function searchWords(lunr, idx, text) {
    var words = queryWords(lunr, text);
    var clauses = wordClauses(lunr, text);
    if (clauses.length === 0) return [];
    var results = idx.query(function (q) {
      for (var i = 0; i < clauses.length; i++) {
        var c = clauses[i];
        q.term(c.term, { boost: c.boost, usePipeline: c.usePipeline !== false, wildcard: c.wildcard || lunr.Query.wildcard.NONE });
      }
    });
    if (words.length < 2) return results;
    var all = [], some = [];
    for (var i = 0; i < results.length; i++) {
      (matchesEveryWord(words, matchedTerms(results[i])) ? all : some).push(results[i]);
    }
    return all.concat(some);
  }

  /**
   * Results for what was typed: lunr's query syntax when the query uses it, else plain words (see wordClauses).
   * A query lunr rejects (a stray ':' or '^') is searched as plain words instead. Returns { results, mode }.
   */
  function run(lunr, idx, text) {
    text = String(text || '').trim();
    if (text.length === 0) return { results: [], mode: 'empty' };
    if (usesSyntax(text)) {
      try {
        return { results: idx.search(text), mode: 'syntax' };
      } catch (e) {
        if (!(e instanceof lunr.QueryParseError)) throw e;
        return { results: searchWords(lunr, idx, text), mode: 'fallback' };
      }
    }
    return { results: searchWords(lunr, idx, text), mode: 'words' };
  }

  /**
   * The query run() would make, for the sharded index: { mode, query: a lunr.Query (null when there is nothing to
   * search), words: the words whose results come first (searchWords' grouping; null for lunr's syntax or one word) }.
   * fields are the index's fields, in its order. Throws only what lunr throws for other reasons than syntax.
   */
  function shardQuery(lunr, fields, text) {
    text = String(text || '').trim();
    if (text.length === 0) return { mode: 'empty', query: null, words: null };
    var mode = 'words';
    if (usesSyntax(text)) {
      try {
        var parsed = new lunr.Query(fields);
        new lunr.QueryParser(text, parsed).parse();
        return { mode: 'syntax', query: parsed, words: null };
      } catch (e) {
        if (!(e instanceof lunr.QueryParseError)) throw e;
        mode = 'fallback';
      }
    }
    var clauses = wordClauses(lunr, text);
    if (clauses.length === 0) return { mode: mode, query: null, words: null };
    var query = new lunr.Query(fields);
    for (var i = 0; i < clauses.length; i++) {
      var c = clauses[i];
      query.term(c.term, { boost: c.boost, usePipeline: c.usePipeline !== false, wildcard: c.wildcard || lunr.Query.wildcard.NONE });
    }
    var words = queryWords(lunr, text);
    return { mode: mode, query: query, words: words.length >= 2 ? words : null };
  }

  // What the page practises on QuorumShards.practice's made-up index (terms alpha, alphabet, beta, delta, gamma) while
  // idle (see practise below): two words (bands, sets, "every word first"), one word, a word with a rarer one.
  var PRACTICE = ['alpha beta', 'delta', 'alpha gamma', 'alpha beta', 'beta'];

  /** One query as the page runs it (ranked, its documents loaded, counted), on a sharded index; resolves to its results. */
  function practiceQuery(lunr, engine, text) {
    var plan = shardQuery(lunr, engine.fields, text);
    return engine.run(plan.query, { n: 10, words: plan.words }).then(function (found) {
      return engine.count(found.plan, null).then(function () { return found.results; });
    });
  }

  /** The index terms a result matched (stemmed, wildcards expanded), from lunr's match data. */
  function matchedTerms(result) {
    var terms = {};
    var metadata = result && result.matchData && result.matchData.metadata;
    if (metadata) for (var term in metadata) terms[term] = true;
    return terms;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Highlighting

  // Punctuation around a word (Unicode-aware where the browser allows, else ASCII as lunr's trimmer has it).
  var EDGE = (function () {
    try { return new RegExp('^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$', 'gu'); } catch (e) { return /^\W+|\W+$/g; }
  })();

  // Words already stemmed for highlighting: ten results' excerpts repeat many words, and the stemmer is not cheap.
  var stems = Object.create(null), stemCount = 0;

  /** A word as lunr indexes it: lower-cased, trimmed and stemmed. */
  function indexTerm(lunr, word) {
    var lower = word.toLowerCase(), term = stems[lower];
    if (term === undefined) {
      if (stemCount++ > 10000) { stems = Object.create(null); stemCount = 0; }
      term = stems[lower] = lunr.stemmer(lunr.trimmer(new lunr.Token(lower))).toString();
    }
    return term;
  }

  /**
   * Splits text into [{ text, mark }] pieces, marking each word whose index term (lower-cased, trimmed and stemmed
   * as lunr indexed it) is one of `terms` (an object used as a set). The punctuation around a word stays unmarked.
   */
  function highlight(lunr, text, terms) {
    var pieces = [];
    function push(s, mark) {
      if (s.length === 0) return;
      var last = pieces[pieces.length - 1];
      if (last && last.mark === mark) last.text += s;
      else pieces.push({ text: s, mark: mark });
    }
    var parts = String(text).split(/([\s\-]+)/);
    for (var i = 0; i < parts.length; i++) {
      var part = parts[i];
      if (i % 2 === 1) { push(part, false); continue; }
      var term = indexTerm(lunr, part);
      if (term.length === 0 || !Object.prototype.hasOwnProperty.call(terms, term)) { push(part, false); continue; }
      var core = part.replace(EDGE, '');
      if (core.length === 0) { push(part, true); continue; }
      var start = part.indexOf(core);
      push(part.slice(0, start), false);
      push(core, true);
      push(part.slice(start + core.length), false);
    }
    return pieces;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Filters and page state

  var KINDS = [
    ['item', 'Agenda items', 'Agenda item'],
    ['decision', 'Decisions', 'Decision'],
    ['action', 'Actions', 'Action'],
    ['meeting', 'Meetings', 'Meeting'],
    ['member', 'Members', 'Member'],
    ['page', 'Pages', 'Page'],
  ];
  var GROUPS = ['kind', 'body', 'year'];

  function kindLabel(kind) {
    for (var i = 0; i < KINDS.length; i++) if (KINDS[i][0] === kind) return KINDS[i][2];
    return kind;
  }

  /**
   * The filter options documents.json offers: kinds in a fixed order; bodies by id, each labelled with the name it
   * had at its latest date (a renamed body is one option), A–Z; years newest first.
   */
  function facets(documents) {
    var kinds = {}, bodies = {}, years = {};
    for (var ref in documents) {
      var d = documents[ref];
      kinds[d.kind] = true;
      if (d.bodyId) {
        var seen = bodies[d.bodyId];
        if (!seen || (d.date || '') >= seen.date) bodies[d.bodyId] = { name: d.body || d.bodyId, date: d.date || '' };
      }
      if (d.year != null) years[String(d.year)] = true;
    }
    return {
      kind: KINDS.filter(function (k) { return kinds[k[0]]; }).map(function (k) { return { value: k[0], label: k[1] }; }),
      body: Object.keys(bodies)
        .map(function (id) { return { value: id, label: bodies[id].name }; })
        .sort(function (a, b) { return a.label < b.label ? -1 : a.label > b.label ? 1 : (a.value < b.value ? -1 : 1); }),
      year: Object.keys(years).sort().reverse().map(function (y) { return { value: y, label: y }; }),
    };
  }

  /** The filter options the sharded index's manifest lists, as facets() gives them. */
  function manifestFacets(options) {
    var kinds = {};
    (options.kind || []).forEach(function (k) { kinds[k] = true; });
    return {
      kind: KINDS.filter(function (k) { return kinds[k[0]]; }).map(function (k) { return { value: k[0], label: k[1] }; }),
      body: (options.body || []).map(function (b) { return { value: b.value, label: b.label }; }),
      year: (options.year || []).map(function (y) { return { value: y, label: y }; }),
    };
  }

  /** The filters as a test of a document number, over the index's facet table; null when nothing is ticked. */
  function shardFilter(engine, filters) {
    var active = GROUPS.filter(function (g) { return filters[g] && filters[g].length > 0; });
    if (active.length === 0) return null;
    return function (d) {
      var table = engine.facetTable;
      for (var i = 0; i < active.length; i++) {
        var g = active[i];
        if (filters[g].indexOf(table[g](d)) < 0) return false;
      }
      return true;
    };
  }

  /** Keeps the results whose document passes every group with something ticked (an empty group passes all). */
  function applyFilters(results, documents, filters) {
    return results.filter(function (r) {
      var d = documents[r.ref];
      if (!d) return false;
      var values = { kind: d.kind, body: d.bodyId, year: d.year == null ? null : String(d.year) };
      for (var i = 0; i < GROUPS.length; i++) {
        var chosen = filters[GROUPS[i]];
        if (chosen && chosen.length > 0 && chosen.indexOf(values[GROUPS[i]]) < 0) return false;
      }
      return true;
    });
  }

  /** { q, kind: [...], body: [...], year: [...] } from a location.search string. */
  function parseState(search) {
    var state = { q: '', kind: [], body: [], year: [] };
    var query = String(search || '').replace(/^\?/, '');
    if (query.length === 0) return state;
    var pairs = query.split('&');
    for (var i = 0; i < pairs.length; i++) {
      var eq = pairs[i].indexOf('=');
      var key = decode(eq < 0 ? pairs[i] : pairs[i].slice(0, eq));
      var value = eq < 0 ? '' : decode(pairs[i].slice(eq + 1));
      if (key === 'q') state.q = value;
      else if (GROUPS.indexOf(key) >= 0 && value.length > 0 && state[key].indexOf(value) < 0) state[key].push(value);
    }
    return state;
  }

  function decode(s) {
    try { return decodeURIComponent(s.replace(/\+/g, ' ')); } catch (e) { return s; }
  }

  /** The inverse of parseState: "?q=…&kind=…", or "" when there is nothing to keep. */
  function stateQuery(state) {
    var parts = [];
    if (state.q) parts.push('q=' + encodeURIComponent(state.q).replace(/%20/g, '+'));
    for (var i = 0; i < GROUPS.length; i++) {
      var values = state[GROUPS[i]] || [];
      for (var j = 0; j < values.length; j++) parts.push(GROUPS[i] + '=' + encodeURIComponent(values[j]).replace(/%20/g, '+'));
    }
    return parts.length ? '?' + parts.join('&') : '';
  }

  /** What the status line says (and screen readers announce). */
  function statusText(shown, total, q, filtered) {
    var quoted = '‘' + q + '’';
    var text;
    if (total === 0) text = 'No results for ' + quoted;
    else if (filtered) text = shown + ' of ' + total + (total === 1 ? ' result' : ' results') + ' for ' + quoted + ' match the filters';
    else text = total + (total === 1 ? ' result' : ' results') + ' for ' + quoted;
    return text + '.';
  }

  var MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

  /** "2009-01-08" → "8 January 2009", as the pages write dates. */
  function longDate(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(iso || ''));
    if (!m) return String(iso || '');
    return Number(m[3]) + ' ' + MONTHS[Number(m[2]) - 1] + ' ' + m[1];
  }

  /** A ref is a URL path from our own build; anything else is not made a link. */
  function safeHref(ref) {
    return typeof ref === 'string' && ref.charAt(0) === '/' && ref.charAt(1) !== '/' && ref.charAt(1) !== '\\' ? ref : null;
  }

  var api = {
    usesSyntax: usesSyntax, queryWords: queryWords, wordClauses: wordClauses, run: run, shardQuery: shardQuery, matchedTerms: matchedTerms,
    PRACTICE: PRACTICE, practiceQuery: practiceQuery,
    highlight: highlight, facets: facets, manifestFacets: manifestFacets, applyFilters: applyFilters, shardFilter: shardFilter,
    parseState: parseState, stateQuery: stateQuery, statusText: statusText, longDate: longDate, safeHref: safeHref, kindLabel: kindLabel,
  };
  if (typeof module === 'object' && module.exports) module.exports = api;
  if (typeof document === 'undefined') return;

  // ---------------------------------------------------------------------------------------------------------
  // Page

  var MAX_RESULTS = 100;
  var PAGE = 10;        // results shown at first, and added by "Show more results", where documents come in small files
  var DEBOUNCE_MS = 150;

  var form = document.getElementById('search-form');
  var input = document.getElementById('q');
  var results = document.getElementById('search-results');
  var status = document.getElementById('search-status');
  var filtersBox = document.getElementById('search-filters');
  if (!form || !input || !results || !status || !filtersBox) return;

  var state = parseState(window.location.search);
  var loading = null;   // Promise of { lunr, engine }
  var loaded = null;
  var current = null;   // the query on screen: { q, plan, prepared, limit }
  var lastQuery = '';
  var generation = 0;   // bumped by every new search or filter change: late answers to older ones are dropped
  var timer = 0;
  var searched = false; // a real search has started (the practice stops)

  input.value = state.q;
  form.classList.add('search-live');

  function loadScript(src, name) {
    return new Promise(function (resolve, reject) {
      if (window[name]) { resolve(window[name]); return; }
      var script = document.createElement('script');
      script.src = src;
      script.onload = function () { window[name] ? resolve(window[name]) : reject(new Error(name + ' did not load')); };
      script.onerror = function () { reject(new Error('could not load ' + src)); };
      document.head.appendChild(script);
    });
  }

  function fetchJson(url, priority) {
    return fetch(url, { credentials: 'same-origin', priority: priority || 'auto' }).then(function (response) {
      if (!response.ok) throw new Error(url + ': HTTP ' + response.status);
      return response.json();
    });
  }

  function unavailable() {
    setStatus('Search is not available just now: the search index could not be loaded. You can still browse the meetings, decisions, actions and members.');
  }

  function load() {
    if (!loaded && input.value.trim()) setStatus('Loading the search index…');
    if (loading) return loading;
    var base = form.dataset.shards;
    loading = Promise.all([loadScript(form.dataset.lunr, 'lunr'), loadScript(form.dataset.engine, 'QuorumShards'), fetchJson(base + 'manifest.json')])
      .then(function (parts) {
        loaded = { lunr: parts[0], engine: new parts[1].ShardIndex(parts[0], base, parts[2], fetchJson) };
        renderFilters(manifestFacets(parts[2].facets || {}));
        search();
        if (!current && parts[2].chunk < parts[2].documents && parts[1].practice) practise(0);
        return loaded;
      }, function (error) {
        unavailable();
        loading = null;
        throw error;
      });
    loading.catch(function () { /* reported in the status line */ });
    return loading;
  }

  // Run cold (V8 has not optimised it yet in a fresh page), the engine's code took longer for the first query on a
  // large site than the files the query needed. So on such a site (documents in many files), while the page is idle
  // after loading, the same code runs the PRACTICE queries on a made-up index held in memory
  // (QuorumShards.practice): ranking, documents, result items (never put in the page) and count. Nothing is fetched
  // or shown, and it stops once a real search has started. One query per idle task, so a search waits for one at most.
  function practise(step, makeIndex) {
    if (step >= PRACTICE.length || searched) return;
    whenIdle(function () {
      if (searched) return;
      makeIndex = makeIndex || window.QuorumShards.practice(loaded.lunr, loaded.engine.fields);
      practiceQuery(loaded.lunr, makeIndex(), PRACTICE[step]).then(function (found) {
        found.forEach(resultItem);
      }).then(function () { practise(step + 1, makeIndex); }, function (error) {
        if (window.console) window.console.error(error);
      });
    });
  }

  function whenIdle(f) {
    if (window.requestIdleCallback) window.requestIdleCallback(f); else window.setTimeout(f, 50);
  }

  function nextTask() {
    return new Promise(function (resolve) { window.setTimeout(resolve, 0); });
  }

  function setStatus(text) {
    if (status.textContent !== text) status.textContent = text;
  }

  /** How many results to show at once: all (up to 100) where every document is in one file, else a page. */
  function pageSize() {
    return loaded.engine.manifest.chunk >= loaded.engine.documentCount ? MAX_RESULTS : PAGE;
  }

  function search() {
    if (!loaded) return;
    var q = input.value.trim();
    state.q = q;
    if (q.length === 0) {
      updateUrl();
      generation++;
      current = null;
      lastQuery = '';
      clear(results);
      setStatus('Type words, names or an action id to search.');
      return;
    }
    if (q !== lastQuery || !current) {
      current = { q: q, plan: shardQuery(loaded.lunr, loaded.engine.fields, q), prepared: null, limit: pageSize() };
      lastQuery = q;
    }
    render(false);
  }

  /** Ranks, fetches and shows the current query's first results; then counts them if that needs more files. */
  function render(more) {
    var mine = ++generation, query = current, engine = loaded.engine;
    searched = true;
    var filter = shardFilter(engine, state);
    var filtered = GROUPS.some(function (g) { return state[g].length > 0; });
    if (!query.plan.query) {
      updateUrl();
      draw(query, [], true, more);
      setStatus(statusText(0, 0, query.q, false));
      return;
    }
    var prepared = query.prepared || engine.prepare(query.plan.query);
    query.prepared = prepared;
    Promise.resolve(prepared).then(function (plan) {
      return engine.top(plan, query.limit, query.plan.words, filter).then(function (top) {
        return engine.materialise(top.results).then(function (shown) {
          if (mine !== generation) return;
          var known = engine.countKnown(plan) && (!filter || engine.facetTable);
          draw(query, shown, top.exhausted, more);
          if (!known) setStatus('Showing the best matches for ‘' + query.q + '’; counting…');
          // The results go on screen first: the address bar (replaceState takes milliseconds) and the count (which may
          // fetch and decode sets) come in a later task.
          return nextTask().then(function () {
            if (mine !== generation) return null;
            updateUrl();
            return engine.count(plan, filter);
          }).then(function (count) {
            if (!count) return;
            if (mine !== generation) return;
            var text = statusText(count.filtered, count.total, query.q, filtered && count.total > 0);
            if (shown.length < count.filtered) text += ' Showing the first ' + shown.length + '.';
            setStatus(text);
          });
        });
      });
    }).catch(function (error) {
      if (mine !== generation) return;
      unavailable();
      if (window.console) window.console.error(error);
    });
  }

  function draw(query, shown, exhausted, more) {
    var firstNew = more ? results.querySelectorAll('.search-result').length : 0;
    clear(results);
    if (shown.length > 0) {
      var heading = document.createElement('h2');
      heading.className = 'visually-hidden';
      heading.textContent = 'Results';
      results.appendChild(heading);
      var list = document.createElement('ol');
      list.className = 'search-results';
      for (var i = 0; i < shown.length && i < MAX_RESULTS; i++) list.appendChild(resultItem(shown[i]));
      results.appendChild(list);
    }
    if (!exhausted && shown.length >= query.limit && query.limit < MAX_RESULTS) {
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'search-more';
      button.textContent = 'Show more results';
      button.addEventListener('click', function () {
        query.limit = Math.min(MAX_RESULTS, query.limit + PAGE);
        render(true);
      });
      results.appendChild(button);
    }
    if (more) {
      // Keyboard users carry on from the first result just added.
      var links = resultLinks();
      if (links[firstNew]) links[firstNew].focus();
    }
  }

  function resultItem(result) {
    var d = result.document || {};
    var terms = matchedTerms(result);
    var li = document.createElement('li');
    li.className = 'search-result';

    var title = document.createElement('h3');
    title.className = 'search-result-title';
    var href = safeHref(d.url || result.ref);
    var link = document.createElement(href ? 'a' : 'span');
    if (href) link.href = href;
    appendHighlighted(link, d.title || result.ref, terms);
    title.appendChild(link);
    li.appendChild(title);

    var meta = document.createElement('p');
    meta.className = 'search-result-meta';
    var kind = document.createElement('span');
    kind.className = 'search-result-kind';
    kind.textContent = kindLabel(d.kind);
    meta.appendChild(kind);
    if (d.body) appendMeta(meta, document.createTextNode(d.body));
    if (d.date) {
      var time = document.createElement('time');
      time.dateTime = d.date;
      time.textContent = longDate(d.date);
      appendMeta(meta, time);
    }
    if (d.draft) {
      meta.appendChild(document.createTextNode(' '));
      var tag = document.createElement('strong');
      tag.className = 'tag tag-draft';
      tag.textContent = 'Draft';
      meta.appendChild(tag);
    }
    li.appendChild(meta);

    if (d.excerpt) {
      var excerpt = document.createElement('p');
      excerpt.className = 'search-result-excerpt';
      appendHighlighted(excerpt, d.excerpt, terms);
      li.appendChild(excerpt);
    }
    return li;
  }

  function appendMeta(meta, node) {
    meta.appendChild(document.createTextNode(' · '));
    meta.appendChild(node);
  }

  function appendHighlighted(parent, text, terms) {
    var pieces = highlight(loaded.lunr, text, terms);
    for (var i = 0; i < pieces.length; i++) {
      if (pieces[i].mark) {
        var mark = document.createElement('mark');
        mark.textContent = pieces[i].text;
        parent.appendChild(mark);
      } else {
        parent.appendChild(document.createTextNode(pieces[i].text));
      }
    }
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  var GROUP_LEGENDS = { kind: 'Kind', body: 'Body', year: 'Year' };

  // On a phone the filters would push every result below the fold, so there they start folded under a summary; on a
  // wider screen, or with a filter already ticked (from the address), they start open.
  var filtersFold = null;
  function filtersHolder() {
    if (filtersFold) return filtersFold;
    filtersFold = document.createElement('details');
    filtersFold.className = 'search-filters-fold';
    filtersFold.open = !window.matchMedia || window.matchMedia('(min-width: 40em)').matches;
    var summary = document.createElement('summary');
    summary.textContent = 'Filters';
    filtersFold.appendChild(summary);
    filtersBox.appendChild(filtersFold);
    return filtersFold;
  }

  function renderFilters(options) {
    var holder = filtersHolder();
    var previous = holder.querySelector('fieldset.search-filters');
    if (previous) holder.removeChild(previous);
    if (GROUPS.some(function (g) { return state[g].length > 0; })) holder.open = true;
    var outer = document.createElement('fieldset');
    outer.className = 'search-filters';
    var legend = document.createElement('legend');
    legend.textContent = 'Filter results';
    outer.appendChild(legend);
    GROUPS.forEach(function (group) {
      if (options[group].length < 2 && state[group].length === 0) return; // nothing to choose between
      var set = document.createElement('fieldset');
      set.className = 'search-filter-group';
      var groupLegend = document.createElement('legend');
      groupLegend.textContent = GROUP_LEGENDS[group];
      set.appendChild(groupLegend);
      options[group].forEach(function (option, n) {
        var id = 'filter-' + group + '-' + n;
        var wrapper = document.createElement('div');
        wrapper.className = 'search-filter';
        var box = document.createElement('input');
        box.type = 'checkbox';
        box.id = id;
        box.name = group;
        box.value = option.value;
        box.defaultChecked = box.checked = state[group].indexOf(option.value) >= 0;
        box.addEventListener('change', function () {
          var chosen = state[group].filter(function (v) { return v !== option.value; });
          if (box.checked) chosen.push(option.value);
          state[group] = chosen;
          updateUrl();
          if (lastQuery && current) { current.limit = pageSize(); render(false); }
        });
        var label = document.createElement('label');
        label.htmlFor = id;
        label.textContent = option.label;
        wrapper.appendChild(box);
        wrapper.appendChild(label);
        set.appendChild(wrapper);
      });
      outer.appendChild(set);
    });
    holder.appendChild(outer);
    filtersBox.hidden = false;
  }

  function updateUrl() {
    if (!window.history || !window.history.replaceState) return;
    var url = window.location.pathname + stateQuery(state) + window.location.hash;
    if (url !== window.location.pathname + window.location.search + window.location.hash) window.history.replaceState(null, '', url);
  }

  // Typing searches after a pause; the form's own submit (Enter, the button) searches at once.
  input.addEventListener('input', function () {
    window.clearTimeout(timer);
    if (!loaded) { load(); return; }
    timer = window.setTimeout(search, DEBOUNCE_MS);
  });
  input.addEventListener('focus', function () { load(); });
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    window.clearTimeout(timer);
    if (loaded) search(); else load();
  });

  // Arrow keys move between the search box and the results' links; Enter follows a link as usual.
  function resultLinks() {
    return Array.prototype.slice.call(results.querySelectorAll('.search-result-title a'));
  }
  input.addEventListener('keydown', function (event) {
    if (event.key !== 'ArrowDown') return;
    var links = resultLinks();
    if (links.length === 0) return;
    event.preventDefault();
    links[0].focus();
  });
  results.addEventListener('keydown', function (event) {
    var links = resultLinks();
    var at = links.indexOf(document.activeElement);
    if (at < 0) return;
    var next = -2;
    if (event.key === 'ArrowDown') next = Math.min(at + 1, links.length - 1);
    else if (event.key === 'ArrowUp') next = at - 1;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = links.length - 1;
    if (next === -2) return;
    event.preventDefault();
    if (next < 0) input.focus(); else links[next].focus();
  });

  if (!state.q) setStatus('Type words, names or an action id to search.');
  load();
})();
