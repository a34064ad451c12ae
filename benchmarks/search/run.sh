#!/usr/bin/env bash
# Quorum's sharded search against Pagefind, in headless Chromium, on the same built site (issue 8).
#
#   benchmarks/search/run.sh --corpus DIR [--corpus DIR ...] [--work DIR] [--runs 3] [--port 8137] [--reuse] [-- QUERY ...]
#
# For each corpus folder (a Quorum input folder, e.g. one made by
# `dotnet run -c Release --project tests/Quorum.Benchmarks -- generate --meetings N --out DIR --seed 1`), in one run:
#   1. builds the site with a Release publish of Quorum (`quorum build --timings`, published once into WORK/bin);
#   2. runs Pagefind (npm `pagefind`, installed here by `npm ci`) over that built site, into its pagefind/ folder;
#   3. serves the site on 127.0.0.1 with serve.js (gzip, as a static host; it counts every byte it sends) and runs
#      measure.js: each query on Quorum's search page and on Pagefind's, cold cache, --runs times each;
#   4. writes WORK/<corpus name>.json and prints a Markdown table of the medians.
# --reuse keeps a site (and its Pagefind index) already built in WORK by an earlier run, and copies the theme's
# search scripts into it (to measure a change to the client without rebuilding). The corpus folders are only read. Needs: dotnet 10 SDK, node 18+ and npm, Debian's chromium.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
WORK="${TMPDIR:-/tmp}/quorum-search-bench"
RUNS=3
PORT=8137
REUSE=0
CORPORA=()
QUERIES=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --corpus) CORPORA+=("$(cd "$2" && pwd)"); shift 2 ;;
    --work) WORK="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    --port) PORT="$2"; shift 2 ;;
    --reuse) REUSE=1; shift ;;
    --) shift; QUERIES=("$@"); break ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done
[[ ${#CORPORA[@]} -gt 0 ]] || { echo "give at least one --corpus DIR" >&2; exit 2; }
[[ ${#QUERIES[@]} -gt 0 ]] || QUERIES=(council benchmarking identity "shared services" "government connect" "identity passport")
mkdir -p "$WORK"
WORK="$(cd "$WORK" && pwd)"

log() { printf '\n== %s\n' "$*" >&2; }

[[ -d "$HERE/node_modules/pagefind" && -d "$HERE/node_modules/playwright-core" ]] || (cd "$HERE" && npm ci --no-audit --no-fund >&2)
if [[ $REUSE == 0 || ! -x "$WORK/bin/Quorum.Cli" ]]; then
  log "publishing Quorum (Release) into $WORK/bin"
  dotnet publish "$ROOT/src/Quorum.Cli" -c Release -o "$WORK/bin" --nologo -v quiet >/dev/null
fi
QUORUM="$WORK/bin/Quorum.Cli"

SERVER=""
stop_server() { if [[ -n "$SERVER" ]]; then kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; SERVER=""; fi; }
trap stop_server EXIT

TABLES=()
for CORPUS in "${CORPORA[@]}"; do
  NAME="$(basename "$CORPUS")"
  SITE="$WORK/site-$NAME"
  MEETINGS=$(find "$CORPUS/meetings" -name '*.md' | wc -l)
  if [[ $REUSE == 1 && -f "$SITE/pagefind/pagefind.js" ]]; then
    log "$NAME: reusing $SITE (theme scripts copied in)"
    cp "$ROOT/themes/default/assets/js/search.js" "$ROOT/themes/default/assets/js/search-shards.js" "$SITE/assets/js/"
  else
    log "$NAME: building $MEETINGS meetings into $SITE"
    rm -rf "$SITE"
    "$QUORUM" build --input "$CORPUS" --output "$SITE" --date 2026-01-01 --timings >&2
    log "$NAME: Pagefind over the built site"
    start=$(date +%s%N)
    "$HERE/node_modules/.bin/pagefind" --site "$SITE" >"$WORK/pagefind-$NAME.log" 2>&1 || { cat "$WORK/pagefind-$NAME.log" >&2; exit 1; }
    printf 'Pagefind indexed in %s ms: %s\n' "$(( ($(date +%s%N) - start) / 1000000 ))" "$(grep -E 'Indexed [0-9]+ page' "$WORK/pagefind-$NAME.log" | head -1)" >&2
  fi
  printf 'search files: Quorum %s files, %s bytes; Pagefind %s files, %s bytes\n' \
    "$(find "$SITE/search" -type f | wc -l)" "$(du -sb "$SITE/search" | cut -f1)" \
    "$(find "$SITE/pagefind" -type f | wc -l)" "$(du -sb "$SITE/pagefind" | cut -f1)" >&2

  node "$HERE/serve.js" "$SITE" "$PORT" "$HERE" > "$WORK/serve.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 50); do grep -q listening "$WORK/serve.log" && break; sleep 0.1; done
  log "$NAME: measuring in Chromium ($RUNS runs of each query on each engine)"
  node "$HERE/measure.js" --url "http://127.0.0.1:$PORT/" --label "$MEETINGS meetings" --runs "$RUNS" \
    --out "$WORK/$NAME.json" -- "${QUERIES[@]}"
  stop_server
  TABLES+=("$WORK/$NAME.json")
done

node "$HERE/table.js" "${TABLES[@]}"
