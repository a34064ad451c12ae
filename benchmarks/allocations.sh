#!/usr/bin/env bash
# Where a build allocates, by the code of Quorum's that asked (and the type), in the binary the benchmark runs.
#
#   benchmarks/allocations.sh CORPUS [--top N] [--work DIR]
#
# The collector's cost follows what a build allocates and keeps, so this is the companion of profile-r2r.sh (where
# the CPU goes). It publishes Quorum's ReadyToRun build (standalone-r2r: the native one sends fewer of the
# runtime's events), records a build of CORPUS with
# dotnet-trace (installed into DIR/tools when it is not on the PATH), taking only the runtime's allocation ticks with
# their stacks (one about every 100 KB a thread allocates, with the type that crossed it), and prints the bytes by
# the first frame of Quorum's own code on each stack (what a library or the framework allocated on its behalf
# included), then by type and frame (`Quorum.Benchmarks allocations`, which reads the trace with TraceEvent). Last,
# each garbage collection the build made, from the same trace's collector events: when, which generation, why a full
# one was full, how long the build stood still (`Quorum.Benchmarks collections`). The trace is kept in DIR
# (alloc.nettrace) for other views.
# Needs: dotnet 10 SDK; NuGet (dotnet-trace, Microsoft.Diagnostics.Tracing.TraceEvent).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/profile-args.sh"

# Keyword 0x1 (GC) at level 5 (verbose) is what carries the allocation ticks; stacks come with every event.
trace_build "Microsoft-Windows-DotNETRuntime:0x1:5" "$WORK/alloc.nettrace"
"$WORK/tools/report/Quorum.Benchmarks" allocations "$WORK/alloc.nettrace" --top "$TOP"
echo
"$WORK/tools/report/Quorum.Benchmarks" collections "$WORK/alloc.nettrace"
