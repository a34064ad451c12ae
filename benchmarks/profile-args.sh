# Sourced by profile-r2r.sh, allocations.sh and jit.sh, which take the same arguments: CORPUS [--top N] [--work DIR].
# Sets ROOT (the repository), CORPUS, TOP (rows per table, default 40), WORK (default a new temporary folder) and
# SITE, where the build writes: tmpfs when there is one, as in run.sh (on this machine's disk, creating files after
# many were deleted costs seconds of system time that have nothing to do with Quorum; benchmarks/README.md).
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CORPUS="${1:?usage: benchmarks/$(basename "$0") CORPUS [--top N] [--work DIR]}"; shift
TOP=40; WORK="$(mktemp -d)"
while [ $# -gt 0 ]; do
  case "$1" in
    --top) TOP="$2"; shift 2 ;;
    --work) WORK="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
mkdir -p "$WORK"
SITE="$WORK/site"; [ -d /dev/shm ] && [ -w /dev/shm ] && SITE="/dev/shm/quorum-$(basename "$0" .sh)-$$"

# For the scripts that record a trace: dotnet-trace (installed into WORK/tools when it is not on the PATH), Quorum
# published as run.sh publishes it (WORK/bin), the report tool that reads traces (WORK/tools/report), then one build
# of CORPUS recorded with the runtime's events PROVIDERS into TRACE: trace_build PROVIDERS TRACE.
trace_build() {
  local providers="$1" trace="$2" tool
  tool="$(command -v dotnet-trace || true)"
  if [ -z "$tool" ]; then
    [ -x "$WORK/tools/dotnet-trace" ] || dotnet tool install --tool-path "$WORK/tools" dotnet-trace > /dev/null
    tool="$WORK/tools/dotnet-trace"
  fi
  # The ReadyToRun build: the native one (standalone) has no JIT to report on and sends fewer of the runtime's events.
  dotnet publish "$ROOT/src/Quorum.Cli" -p:PublishProfile=standalone-r2r -o "$WORK/bin" --nologo -v quiet > /dev/null
  dotnet build -c Release "$ROOT/tests/Quorum.Benchmarks" -o "$WORK/tools/report" --nologo -v quiet > /dev/null
  rm -rf "$SITE"
  "$tool" collect --providers "$providers" -o "$trace" -- \
    "$WORK/bin/Quorum.Cli" build --input "$CORPUS" --output "$SITE" --theme "$ROOT/themes/default" > "$WORK/trace.log" 2>&1
  rm -rf "$SITE"
}
