#!/usr/bin/env bash
# Quorum against Hugo: full builds of synthetic archives of N meetings (issue 6).
#
#   benchmarks/run.sh [--sizes "100 1000 5000"] [--runs 3] [--work DIR] [--out DIR] [--seed 1] [--settle S]
#
# In one run, this script:
#   1. publishes Quorum's standalone build (`dotnet publish src/Quorum.Cli -p:PublishProfile=standalone`: Release,
#      one native program compiled ahead of time (Native AOT); the benchmark runs that binary, never `dotnet run`)
#      and the corpus generator (tests/Quorum.Benchmarks);
#   2. generates a deterministic corpus of N meetings for each size (the same N and seed give the same bytes);
#   3. installs Hugo (Debian package `hugo`) and GNU time if they are missing, and makes a Hugo site of the same
#      meetings' Markdown bodies as plain pages: front-matter title and date only, a minimal layout written here
#      (no theme download);
#   4. for each N, alternates `quorum build` and `hugo` builds (--runs times each, output folder removed before
#      every run), measuring wall time and peak memory (max RSS) with /usr/bin/time -v. Both write into --out,
#      by default a folder in /dev/shm (tmpfs) when there is one: on ext4 without a journal (this machine's disk)
#      creating a file scans past every inode freed in the last 1 to 6 minutes, so the same 1,000-meeting build
#      spent 1.4 s or 12 s of system time depending on how many files had been deleted before it (by the
#      benchmark's own earlier runs: 25,000 a Quorum run). A build machine starts from a fresh clone, with no such
#      history; on tmpfs each run is measured without it. With --out on a disk, the script syncs and waits
#      --settle seconds (default 70) after removing the old outputs, which helps but does not remove it;
#   5. runs `quorum build --timings` once per N for the time of each phase;
#   6. prints a table (also written to DIR/results.md): median wall time and median CPU time (user + sys; steadier
#      than wall time on a shared machine) of each, their ratios, peak RSS (the largest of the runs), and the output
#      size (du -sb) and file count of both; and under it, each run's ratio (its two builds seconds apart) with
#      their median.
#
# For where Quorum's time and memory go, run the profiler on a generated corpus:
#   dotnet run -c Release --project tests/Quorum.Benchmarks -- profile --input DIR/corpus-1000 --theme themes/default
#
# Quorum builds everything: every page, the registers, feeds, data files and the search index. Hugo builds one
# plain page per meeting (plus its home, section list, RSS and sitemap). Targets (issue 6, on a 2-core machine):
# at 1,000 meetings Quorum takes no longer than Hugo (ratio <= 1.0, aim 0.5); peak memory < 1 GB at 5,000.
#
# Needs: dotnet 10 SDK, awk, and apt-get (as root, or sudo) when hugo, GNU time, or what Native AOT links with (a C
# compiler, zlib) is missing. Space: the outputs
# of the largest size are kept in --out for inspection (in /dev/shm they take memory: Quorum's site at 5,000
# meetings is 1.2 GB, Hugo's 0.2 GB).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SIZES="100 1000 5000"
RUNS=3
SEED=1
WORK="${TMPDIR:-/tmp}/quorum-bench"
OUT=""
BUILD_DATE=2026-01-01
SETTLE=""

while [[ $# -gt 0 ]]; do
  case "$1" in
    --sizes) SIZES="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    --work) WORK="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    --seed) SEED="$2"; shift 2 ;;
    --settle) SETTLE="$2"; shift 2 ;;
    -h|--help) sed -n '2,38p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done

log() { printf '\n== %s\n' "$*" >&2; }

need() {  # need <command or absolute path> <debian package>: installs the package when the command is missing
  if [[ "$1" == /* ]]; then [[ -e "$1" ]] && return 0; else command -v "$1" >/dev/null 2>&1 && return 0; fi
  log "installing the Debian package $2"
  local sudo=""
  [[ $(id -u) -ne 0 ]] && sudo="sudo"
  $sudo apt-get install -y "$2" >/dev/null 2>&1 || { $sudo apt-get update >/dev/null && $sudo apt-get install -y "$2" >/dev/null; }
}

need /usr/bin/time time
need hugo hugo
# Native AOT links Quorum with the platform's C toolchain: clang, else gcc, and zlib.
command -v clang >/dev/null 2>&1 || need gcc gcc
need /usr/include/zlib.h zlib1g-dev
mkdir -p "$WORK"
WORK="$(cd "$WORK" && pwd)"
if [[ -z "$OUT" ]]; then
  if [[ "$(stat -f -c %T /dev/shm 2>/dev/null)" == tmpfs && -w /dev/shm ]]; then OUT=/dev/shm/quorum-bench-out; else OUT="$WORK/out"; fi
fi
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
OUT_FS="$(stat -f -c %T "$OUT")"
if [[ -z "$SETTLE" ]]; then if [[ "$OUT_FS" == tmpfs ]]; then SETTLE=0; else SETTLE=70; fi; fi

log "publishing Quorum (Release) and the corpus generator into $WORK/bin"
# The standalone build (src/Quorum.Cli/Properties/PublishProfiles/standalone.pubxml): compiled ahead of time, as a
# released tool would ship (Hugo is a native binary). ReadyToRun saved the JIT about a second of CPU per build and
# one composite image of the framework and Quorum another 9% (README "Performance", session 14); since session 23 it
# is native code whole (Native AOT), 16% faster again, with the default theme compiled into it.
rm -rf "$WORK/bin/quorum" # no files left from an earlier build of another kind
dotnet publish "$ROOT/src/Quorum.Cli" -p:PublishProfile=standalone -o "$WORK/bin/quorum" --nologo -v quiet >/dev/null
dotnet publish "$ROOT/tests/Quorum.Benchmarks" -c Release -o "$WORK/bin/generator" --nologo -v quiet >/dev/null
QUORUM="$WORK/bin/quorum/Quorum.Cli"
GENERATOR="$WORK/bin/generator/Quorum.Benchmarks"
THEME="$ROOT/themes/default"

# The Hugo site: config and a minimal layout, shared by every size (content/ is per size).
write_hugo_site() {  # write_hugo_site <site dir>
  local site="$1"
  mkdir -p "$site/layouts/_default"
  cat > "$site/config.toml" <<'EOF'
baseURL = "https://minutes.example.org/"
title = "Minutes (Hugo baseline)"
languageCode = "en-gb"
disableKinds = ["taxonomy", "term"]
EOF
  cat > "$site/layouts/_default/baseof.html" <<'EOF'
<!DOCTYPE html>
<html lang="en-GB">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{{ .Title }} | {{ .Site.Title }}</title></head>
<body>
<header><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a> <a href="{{ "/meetings/" | relURL }}">Meetings</a></header>
<main>{{ block "main" . }}{{ end }}</main>
<footer>{{ .Site.Title }}</footer>
</body>
</html>
EOF
  cat > "$site/layouts/_default/single.html" <<'EOF'
{{ define "main" }}<article><h1>{{ .Title }}</h1><p><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time></p>
{{ .Content }}</article>{{ end }}
EOF
  cat > "$site/layouts/_default/list.html" <<'EOF'
{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
EOF
  cat > "$site/layouts/index.html" <<'EOF'
{{ define "main" }}<h1>{{ .Site.Title }}</h1><ul>{{ range first 10 .Site.RegularPages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
EOF
}

# Each meeting's Markdown body as a plain Hugo page: the front-matter is replaced by title and date.
make_hugo_content() {  # make_hugo_content <corpus dir> <site dir>
  local corpus="$1" site="$2"
  rm -rf "$site/content"
  mkdir -p "$site/content/meetings"
  find "$corpus/meetings" -name '*.md' -print0 | sort -z | xargs -0 awk -v out="$site/content/meetings" '
    FNR == 1 {
      if (file) close(file)
      n = split(FILENAME, parts, "/"); file = out "/" parts[n]
      state = 0; body = ""; date = ""
    }
    state == 0 { if ($0 == "---") state = 1; next }
    state == 1 {
      if ($0 == "---") {
        printf "---\ntitle: \"%s %s\"\ndate: %s\n---\n", body, date, date > file
        state = 2; next
      }
      if ($1 == "body:") body = $2
      if ($1 == "date:") date = $2
      next
    }
    { print > file }'
}

# Runs a command under GNU time; prints "<wall seconds> <max RSS KB> <CPU seconds (user + sys)>".
measure() {
  local stats
  stats="$(mktemp)"
  if ! /usr/bin/time -v -o "$stats" "$@" >/dev/null 2>"$stats.err"; then
    echo "command failed: $*" >&2; cat "$stats.err" >&2; exit 1
  fi
  awk -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; wall = s }
    /Maximum resident set size/ { rss = $2 }
    /User time \(seconds\)/ { cpu += $2 }
    /System time \(seconds\)/ { cpu += $2 }
    END { printf "%.2f %d %.2f\n", wall, rss, cpu }' "$stats"
  rm -f "$stats" "$stats.err"
}

# Before a timed build: lets freshly deleted inodes age out of ext4's "recently deleted" window (see step 4), and
# (before Hugo's run) flushes what Quorum's run just wrote, so neither tool's run pays for the other's disk work.
settle() { if [[ "$SETTLE" -gt 0 ]]; then sync; sleep "$SETTLE"; fi; }

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ a[NR] = $1 } END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%.2f", m }'; }
max() { tr ' ' '\n' | grep -v '^$' | sort -g | tail -1; }
mb() { awk -v b="$1" 'BEGIN { printf "%.0f", b / 1048576 }'; }

RESULTS="$WORK/results.md"
{
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo), $(lscpu 2>/dev/null | awk -F': +' '/Model name/ { print $2; exit }')"
  echo "Quorum: Release build of $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')$([[ -n "$(git -C "$ROOT" status --porcelain 2>/dev/null)" ]] && echo ' (+ working tree)'), standalone build, .NET $(dotnet --version); $(hugo version | awk '{ print $1, $2 }')"
  echo "Command: benchmarks/run.sh --sizes \"$SIZES\" --runs $RUNS --seed $SEED --out $OUT --settle $SETTLE; build date $BUILD_DATE"
  echo "Outputs written to $OUT ($OUT_FS)"
  echo
} > "$RESULTS"
TABLE="$WORK/table.md"
{
  echo "| meetings | Quorum wall | Hugo wall | ratio Q/H | Quorum CPU | Hugo CPU | CPU ratio | Quorum peak RSS | Hugo peak RSS | Quorum output | Hugo output |"
  echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
} > "$TABLE"
PHASES="$WORK/phases.md"
: > "$PHASES"

for N in $SIZES; do
  CORPUS="$WORK/corpus-$N"
  HUGO_SITE="$WORK/hugo-$N"
  Q_OUT="$OUT/quorum-$N"
  H_OUT="$OUT/hugo-$N"
  log "N=$N: generating the corpus (seed $SEED) into $CORPUS"
  "$GENERATOR" generate --meetings "$N" --seed "$SEED" --out "$CORPUS" >&2
  write_hugo_site "$HUGO_SITE"
  make_hugo_content "$CORPUS" "$HUGO_SITE"

  q_times=""; h_times=""; q_rss=""; h_rss=""; q_cpu=""; h_cpu=""
  for run in $(seq 1 "$RUNS"); do
    rm -rf "$Q_OUT" "$H_OUT"
    settle
    res=$(measure "$QUORUM" build --input "$CORPUS" --output "$Q_OUT" --theme "$THEME" --date "$BUILD_DATE")
    read -r t m c <<< "$res"
    q_times+=" $t"; q_rss+=" $m"; q_cpu+=" $c"
    log "N=$N run $run: quorum ${t}s wall, ${c}s CPU, max RSS $((m / 1024)) MB (load $(cut -d' ' -f1 /proc/loadavg))"
    settle
    res=$(measure hugo --source "$HUGO_SITE" --destination "$H_OUT" --quiet)
    read -r t m c <<< "$res"
    h_times+=" $t"; h_rss+=" $m"; h_cpu+=" $c"
    log "N=$N run $run: hugo   ${t}s wall, ${c}s CPU, max RSS $((m / 1024)) MB (load $(cut -d' ' -f1 /proc/loadavg))"
  done
  qm=$(echo "$q_times" | median); hm=$(echo "$h_times" | median)
  ratio=$(awk -v q="$qm" -v h="$hm" 'BEGIN { printf "%.2f", q / h }')
  qc=$(echo "$q_cpu" | median); hc=$(echo "$h_cpu" | median)
  cpu_ratio=$(awk -v q="$qc" -v h="$hc" 'BEGIN { printf "%.2f", q / h }')
  q_peak=$(( $(echo "$q_rss" | max) / 1024 )); h_peak=$(( $(echo "$h_rss" | max) / 1024 ))
  q_size=$(du -sb "$Q_OUT" | cut -f1); q_files=$(find "$Q_OUT" -type f | wc -l)
  h_size=$(du -sb "$H_OUT" | cut -f1); h_files=$(find "$H_OUT" -type f | wc -l)
  printf '| %s | %s s | %s s | %s | %s s | %s s | %s | %s MB | %s MB | %s MB, %s files | %s MB, %s files |\n' \
    "$N" "$qm" "$hm" "$ratio" "$qc" "$hc" "$cpu_ratio" "$q_peak" "$h_peak" "$(mb "$q_size")" "$q_files" "$(mb "$h_size")" "$h_files" >> "$TABLE"
  echo "N=$N raw wall times (s): quorum$q_times; hugo$h_times. CPU (s): quorum$q_cpu; hugo$h_cpu" >> "$RESULTS"
  # Each run's two builds come seconds apart, so their ratio is steadier than the medians' when the machine's speed
  # drifts during the script (a shared machine's busy hour can start halfway through).
  paired=$(paste -d' ' <(echo "$q_times" | tr ' ' '\n' | grep -v '^$') <(echo "$h_times" | tr ' ' '\n' | grep -v '^$') \
    | awk '{ printf "%.2f ", $1 / $2 }')
  echo "N=$N ratio run by run: $paired(median $(echo "$paired" | median))" >> "$RESULTS"

  log "N=$N: quorum build --timings"
  rm -rf "$Q_OUT"
  {
    echo "quorum build --timings, N=$N:"
    "$QUORUM" build --input "$CORPUS" --output "$Q_OUT" --theme "$THEME" --date "$BUILD_DATE" --timings 2>/dev/null | sed 's/^/    /'
  } >> "$PHASES"
  # Keep only the largest size's outputs on disk.
  [[ "$N" == "${SIZES##* }" ]] || rm -rf "$Q_OUT" "$H_OUT"
done

{ echo; cat "$TABLE"; echo; cat "$PHASES"; } >> "$RESULTS"
cat "$RESULTS"
echo
echo "(written to $RESULTS)"
