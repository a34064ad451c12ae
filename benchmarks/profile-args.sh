# Sourced by profile-r2r.sh and allocations.sh, which take the same arguments: CORPUS [--top N] [--work DIR].
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
