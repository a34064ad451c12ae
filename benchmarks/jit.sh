#!/usr/bin/env bash
# What the JIT compiles while a build runs, in Quorum's ReadyToRun build (standalone-r2r).
#
#   benchmarks/jit.sh CORPUS [--top N] [--work DIR]
#
# The benchmark's build is native code whole (standalone: Native AOT, no JIT at all since session 23). The ReadyToRun
# build (one composite image) and `dotnet run` still have the JIT compile what the image lacks: generic instantiations
# it did not foresee, Handlebars.Net's templates for a theme other than the default, reflection's invoke stubs,
# compiled regular expressions. That cost does not grow with the archive, so it weighs most on small sites. This
# publishes the ReadyToRun build, records a build of CORPUS with dotnet-trace
# (installed into DIR/tools when it is not on the PATH), taking only the runtime's JIT events, and prints the
# methods compiled, their time summed by origin, and the costliest (`Quorum.Benchmarks jit`, which reads the trace
# with TraceEvent). `quorum build --timings` prints the count and time alone.
# Needs: dotnet 10 SDK; NuGet (dotnet-trace, Microsoft.Diagnostics.Tracing.TraceEvent).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/profile-args.sh"

# Keyword 0x10 (JIT) at level 5 (verbose): each method's start of compiling and its load, with names.
trace_build "Microsoft-Windows-DotNETRuntime:0x10:5" "$WORK/jit.nettrace"
"$WORK/tools/report/Quorum.Benchmarks" jit "$WORK/jit.nettrace" --top "$TOP"
