#!/usr/bin/env bash
# Measures `quorum serve` on a generated archive: the time from saving one meeting (a sentence appended to its last
# item) to the server sending the "reload" event for that meeting's page, as a client sees it on /__quorum/events;
# and, with a headless Chromium showing the page, the time from that event to the reloaded page's reconnecting
# (the page is loaded and its scripts have run).
#
#   tests/Quorum.Tests/Serve/measure-latency.sh [MEETINGS] [SAVES]      (default 1000 meetings, 10 saves)
#
# Environment: PORT (default 18555), CORPUS (an existing generated input folder, to skip generating one),
# BROWSER=0 to measure without Chromium, KEEP=1 to keep the work folder.
set -euo pipefail

repo=$(cd "$(dirname "$0")/../../.." && pwd)
meetings=${1:-1000}
saves=${2:-10}
port=${PORT:-18555}
work=$(mktemp -d /tmp/quorum-serve-latency.XXXXXX)
pids=()

cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [[ "${KEEP:-0}" != 1 ]]; then rm -rf "$work"; else echo "work folder kept: $work"; fi
}
trap cleanup EXIT

now_ms() { local t=$EPOCHREALTIME; echo $(( ${t%.*} * 1000 + 10#${t#*.} / 1000 )); }

# Waits (bounded) until a file has a line matching a pattern after line N; prints the line number of the match.
wait_for() {
  local file=$1 pattern=$2 after=$3 seconds=$4 deadline n
  deadline=$(( $(now_ms) + seconds * 1000 ))
  while (( $(now_ms) < deadline )); do
    n=$(awk -v a="$after" -v p="$pattern" 'NR > a && $0 ~ p { print NR; exit }' "$file" 2>/dev/null || true)
    if [[ -n "$n" ]]; then echo "$n"; return 0; fi
    sleep 0.005
  done
  echo "timed out waiting for /$pattern/ in $file" >&2
  return 1
}

echo "Building quorum (Release)..."
dotnet build -c Release "$repo/src/Quorum.Cli" -v q --nologo > "$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
if [[ -n "${CORPUS:-}" ]]; then
  cp -r "$CORPUS" "$work/input"
else
  dotnet run -c Release --project "$repo/tests/Quorum.Benchmarks" -- generate --meetings "$meetings" --out "$work/input"
fi

# A copy of the theme, so edits to the repository's theme during the run do not trigger full rebuilds.
cp -r "$repo/themes/default" "$work/theme"
QUORUM_SERVE_TRACE=1 dotnet "$repo/src/Quorum.Cli/bin/Release/net10.0/Quorum.Cli.dll" serve \
  --input "$work/input" --output "$work/site" --theme "$work/theme" --port "$port" > "$work/serve.log" 2>&1 &
pids+=($!)
echo "Initial build..."
wait_for "$work/serve.log" "^Serving " 0 900 > /dev/null || { cat "$work/serve.log"; exit 1; }
grep -E "^(Built|Serving)" "$work/serve.log"

meeting=$(find "$work/input/meetings" -name '*.md' | sort | awk 'NR == 500 || NR == 1 { m = $0 } END { print m }')
slug=$(basename "$meeting" .md)
url="/meetings/$slug/"

# Listen to the events, time-stamping each line as it arrives.
( curl -sN "http://127.0.0.1:$port/__quorum/events" | while IFS= read -r line; do echo "$(now_ms) $line"; done ) > "$work/events.log" &
pids+=($!)
if [[ "${BROWSER:-1}" != 0 && -x /usr/lib/chromium/chromium ]]; then
  /usr/lib/chromium/chromium --headless=new --no-sandbox --disable-gpu --user-data-dir="$work/chromium" \
    --remote-debugging-port=0 "http://127.0.0.1:$port$url" > "$work/chromium.log" 2>&1 &
  pids+=($!)
fi
sleep 5

printf '%-5s %10s %12s %9s %14s  %s\n' save "reload ms" "browser ms" "cpu ms" "rebuild ms" "server's line"
results=()
browser=()
for i in $(seq 1 "$saves"); do
  events_before=$(wc -l < "$work/events.log")
  log_before=$(wc -l < "$work/serve.log")
  t0=$(now_ms)
  printf '\nThe clerk appended sentence %d to this item.\n' "$i" >> "$meeting"
  n=$(wait_for "$work/events.log" "event: reload" "$events_before" 300)
  t1=$(awk -v n="$n" 'NR == n { print $1 }' "$work/events.log")
  # The rebuild's own line (printed when all affected pages, feeds and the search index are written).
  m=$(wait_for "$work/serve.log" "^\\[[0-9:]+\\] .* changed: " "$log_before" 600)
  line=$(awk -v n="$m" 'NR == n' "$work/serve.log")
  rebuild=$(sed -E 's/.*rebuild ([0-9]+) ms.*/\1/' <<< "$line")
  b=$(awk -v a="$log_before" 'NR > a && /a page reconnected/ { print $5; exit }' "$work/serve.log")
  cpu=$(awk -v a="$log_before" 'NR > a && /\[trace\] reload sent/ { for (i = 1; i <= NF; i++) if ($i == "of" && $(i + 1) == "CPU") print $(i - 2); exit }' "$work/serve.log")
  results+=($(( t1 - t0 )))
  [[ -n "$b" ]] && browser+=("$b")
  printf '%-5s %10s %12s %9s %14s  %s\n' "$i" "$(( t1 - t0 ))" "${b:--}" "${cpu:--}" "$rebuild" "$(sed -E 's/.*pages re-rendered/&/; s/^\[[0-9:]+\] //' <<< "$line" | cut -c1-400)"
  sleep 1
done

median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print a[(NR + 1) / 2]; else print int((a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }
echo
echo "meeting edited: $url ($meetings meetings; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg))"
# The 90th percentile by nearest rank (the 9th of 10 saves).
p90() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { if (NR == 0) print "-"; else { r = int((NR * 9 + 9) / 10); print a[r] } }'; }
echo "median save -> reload event: $(median "${results[@]}") ms, p90 $(p90 "${results[@]}") ms over $saves saves"
echo "median reload event -> page reloaded in Chromium: $(median "${browser[@]}") ms"
