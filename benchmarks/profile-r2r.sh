#!/usr/bin/env bash
# Where a build's CPU goes in the binary the benchmark runs (ReadyToRun), by method.
#
#   benchmarks/profile-r2r.sh CORPUS [--top N] [--work DIR]
#
# perf names JIT-compiled methods (from the runtime's perf map) but not ReadyToRun code, so profiles made with
# ReadyToRun switched off (DOTNET_ReadyToRun=0) misstate the shipped binary: there every method is compiled at run
# time, and ReadyToRun's own costs are absent. This script publishes Quorum as run.sh does (the standalone build: one
# composite ReadyToRun image of the framework, Quorum and its libraries) with crossgen's symbol map
# (PublishReadyToRunEmitSymbols: an .r2rmap of every method in the image), records a build of CORPUS with
# `perf record -g`, names the samples from the map, and prints two tables: each sample's first named frame outside
# the framework (the method of Quorum or a library whose work, its own or the framework's and the runtime's on its
# behalf, the sample was), and each sample's own method, framework included. Samples deep in the runtime, garbage
# collection above all, are counted apart in both. What is compiled at run time anyway (generic instantiations the
# image lacks, the framework's vectorised code for this processor, Handlebars.Net's templates) is named from the
# runtime's perf map, which perf can read only when the code is not double-mapped (DOTNET_EnableWriteXorExecute=0).
# Needs perf and python3.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/profile-args.sh"
command -v perf >/dev/null || { echo "needs perf (Debian: linux-perf)" >&2; exit 2; }

dotnet publish "$ROOT/src/Quorum.Cli" -p:PublishProfile=standalone -p:PublishReadyToRunEmitSymbols=true -o "$WORK/bin" \
  --nologo -v quiet
rm -rf "$SITE"
DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 perf record -F 2000 -g -o "$WORK/perf.data" -- "$WORK/bin/Quorum.Cli" build --input "$CORPUS" \
  --output "$SITE" --theme "$ROOT/themes/default" > /dev/null 2>&1
rm -rf "$SITE"
perf script -i "$WORK/perf.data" 2> /dev/null > "$WORK/perf.txt"

python3 - "$WORK/bin" "$WORK/perf.txt" "$TOP" <<'EOF'
import bisect, collections, glob, os, re, struct, sys
bin_dir, samples, top = sys.argv[1], sys.argv[2], int(sys.argv[3])
maps = {}
for path in glob.glob(os.path.join(bin_dir, "*.ni.r2rmap")):
    dll = os.path.basename(path).replace(".ni.r2rmap", ".dll")
    with open(os.path.join(bin_dir, dll), "rb") as f:
        head = f.read(4096)
    pe = struct.unpack_from("<I", head, 0x3C)[0]
    text = pe + 24 + struct.unpack_from("<H", head, pe + 20)[0]
    rva, raw = struct.unpack_from("<I", head, text + 12)[0], struct.unpack_from("<I", head, text + 20)[0]
    methods = sorted((int(a, 16), int(s, 16), n) for a, s, n in
                     (l.rstrip("\n").split(" ", 2) for l in open(path, errors="replace") if l.count(" ") >= 2)
                     if int(a, 16) < 0xF0000000)
    maps[dll] = (rva - raw, methods, [m[0] for m in methods])

frame = re.compile(r"^\s*([0-9a-f]+) (.*) \((.*)\)$")
def name(line):
    m = frame.match(line)
    if not m: return None
    address, symbol, dso = m.groups()
    dll = os.path.basename(dso)
    if symbol == "[unknown]" and dll in maps:
        delta, methods, starts = maps[dll]
        rva = int(address, 16) + delta
        i = bisect.bisect_right(starts, rva) - 1
        if i >= 0 and rva < methods[i][0] + methods[i][1]:
            return method_name(methods[i][2])
        return None
    # Compiled at run time, named by the runtime's perf map: "instance void [Assembly] Namespace.Type::Method(...)[Optimized]".
    m = re.match(r"^(?:instance )?\S.*?\[([^\]]+)\] (.+::.+)$", symbol)
    return method_name(m.group(2)) if m else None

def method_name(signature):
    # "ReturnType Namespace.Type`1[Args, ...]::Method(Parameters)": the return type and parameters dropped.
    depth = 0
    for i, c in enumerate(signature):
        if c == "[": depth += 1
        elif c == "]": depth -= 1
        elif c == " " and depth == 0 and "::" in signature[i:].split("(")[0]:
            return method_name(signature[i + 1:])
        elif c == "(" and depth == 0: return signature[:i]
    return signature

def framework(method):
    return method.startswith(("System.", "Microsoft.", "Internal.")) and not method.startswith("System.CommandLine.")

native = re.compile(r"\((\[kernel\.kallsyms\]|.*/libcoreclr\.so|.*/libc\.so\.6)\)$")
counts, own, total, stack = collections.Counter(), collections.Counter(), 0, []
def flush():
    global total
    if not stack: return
    total += 1
    # A collection runs on the thread whose allocation set it off, a dozen runtime frames deep (the runtime ships
    # without symbols): such samples are counted apart, not charged to whichever method happened to allocate.
    depth = next((i for i, f in enumerate(stack) if not native.search(f)), len(stack))
    if depth >= 8:
        counts["(deep in the runtime: garbage collection, mostly)"] += 1
        own["(deep in the runtime: garbage collection, mostly)"] += 1
        return
    names = [n for n in map(name, stack) if n]
    counts[next((n for n in names if not framework(n)), "(runtime, framework or JIT only)")] += 1
    leaf = name(stack[0])
    if not leaf:
        m = frame.match(stack[0])
        leaf = f"(unnamed, in {os.path.basename(m.group(3)) if m else '?'})"
    own[leaf] += 1
for line in open(samples, errors="replace"):
    if not line.strip(): flush(); stack = []
    elif line[0] in " \t": stack.append(line.rstrip("\n"))
    else: stack = []
flush()
print(f"{total} samples at 2 kHz ({total / 2000:.1f} s of CPU); first named frame outside the framework:")
for n, c in counts.most_common(top): print(f"{100 * c / total:5.1f}% {c:6d}  {n}")
print(f"\nOwn method of each sample (framework included):")
for n, c in own.most_common(top): print(f"{100 * c / total:5.1f}% {c:6d}  {n}")
EOF
