#!/usr/bin/env bash
# What the JIT compiles while a build runs, in the binary the benchmark runs.
#
#   benchmarks/jit.sh CORPUS [--top N] [--work DIR]
#
# The standalone build is compiled ahead of time (one composite ReadyToRun image), yet a build still has the JIT
# compile what that image lacks: generic instantiations it did not foresee, Handlebars.Net's templates (expression
# trees), reflection's invoke stubs, compiled regular expressions. That cost does not grow with the archive, so it
# weighs most on small sites. This publishes Quorum as run.sh does, records a build of CORPUS with dotnet-trace
# (installed into DIR/tools when it is not on the PATH), taking only the runtime's JIT events, and prints the
# methods compiled, their time summed by origin, and the costliest (`Quorum.Benchmarks jit`, which reads the trace
# with TraceEvent). `quorum build --timings` prints the count and time alone.
# Needs: dotnet 10 SDK; NuGet (dotnet-trace, Microsoft.Diagnostics.Tracing.TraceEvent).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/profile-args.sh"

# Keyword 0x10 (JIT) at level 5 (verbose): each method's start of compiling and its load, with names.
trace_build "Microsoft-Windows-DotNETRuntime:0x10:5" "$WORK/jit.nettrace"
"$WORK/tools/report/Quorum.Benchmarks" jit "$WORK/jit.nettrace" --top "$TOP"
