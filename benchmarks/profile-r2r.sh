#!/usr/bin/env bash
# Where a build's CPU goes in Quorum's ReadyToRun build (standalone-r2r), by method.
#
#   benchmarks/profile-r2r.sh CORPUS [--top N] [--work DIR] [--timeline MS]
#
# perf names JIT-compiled methods (from the runtime's perf map) but not ReadyToRun code, so profiles made with
# ReadyToRun switched off (DOTNET_ReadyToRun=0) misstate the shipped binary: there every method is compiled at run
# time, and ReadyToRun's own costs are absent. This script publishes Quorum's ReadyToRun build (standalone-r2r: one
# composite ReadyToRun image of the framework, Quorum and its libraries) with crossgen's symbol map
# (PublishReadyToRunEmitSymbols: an .r2rmap of every method in the image), records a build of CORPUS with
# `perf record -g`, names the samples from the map, and prints two tables: each sample's first named frame outside
# the framework (the method of Quorum or a library whose work, its own or the framework's and the runtime's on its
# behalf, the sample was), and each sample's own method, framework included. Samples deep in the runtime, garbage
# collection above all, are counted apart in both. What is compiled at run time anyway (generic instantiations the
# image lacks, the framework's vectorised code for this processor, Handlebars.Net's templates) is named from the
# runtime's perf map, which perf can read only when the code is not double-mapped (DOTNET_EnableWriteXorExecute=0).
# With --timeline MS it then lays the samples out in time, MS milliseconds a line: how busy the cores were (100% is
# every core sampled throughout) and the three methods most sampled, named as in the first table. A line well under
# 100% in the middle of a build is a moment when a core waited (session 19 found six that way).
# Needs perf and python3.
set -euo pipefail
TIMELINE=0; rest=()
while [ $# -gt 0 ]; do
  if [ "$1" = --timeline ]; then TIMELINE="$2"; shift 2; else rest+=("$1"); shift; fi
done
set -- "${rest[@]}"
source "$(dirname "${BASH_SOURCE[0]}")/profile-args.sh"
command -v perf >/dev/null || { echo "needs perf (Debian: linux-perf)" >&2; exit 2; }

dotnet publish "$ROOT/src/Quorum.Cli" -p:PublishProfile=standalone-r2r -p:PublishReadyToRunEmitSymbols=true -o "$WORK/bin" \
  --nologo -v quiet
rm -rf "$SITE"
DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 perf record -F 2000 -g -o "$WORK/perf.data" -- "$WORK/bin/Quorum.Cli" build --input "$CORPUS" \
  --output "$SITE" --theme "$ROOT/themes/default" > /dev/null 2>&1
rm -rf "$SITE"
perf script -i "$WORK/perf.data" 2> /dev/null > "$WORK/perf.txt"

python3 - "$WORK/bin" "$WORK/perf.txt" "$TOP" "$TIMELINE" <<'EOF'
import bisect, collections, glob, os, re, struct, sys
bin_dir, samples, top, bucket_ms = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
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
header = re.compile(r"^.*?\s(\d+\.\d+):\s+\d+\s+cpu-clock")  # "<thread name> <tid> <seconds>: <period> cpu-clock..."
counts, own, total, stack, when = collections.Counter(), collections.Counter(), 0, [], None
timeline = collections.defaultdict(collections.Counter)  # bucket -> first-table name -> samples
def flush():
    global total
    if not stack: return
    total += 1
    # A collection runs on the thread whose allocation set it off, a dozen runtime frames deep (the runtime ships
    # without symbols): such samples are counted apart, not charged to whichever method happened to allocate.
    depth = next((i for i, f in enumerate(stack) if not native.search(f)), len(stack))
    if depth >= 8:
        first = "(deep in the runtime: garbage collection, mostly)"
        own[first] += 1
    else:
        names = [n for n in map(name, stack) if n]
        first = next((n for n in names if not framework(n)), "(runtime, framework or JIT only)")
        leaf = name(stack[0])
        if not leaf:
            m = frame.match(stack[0])
            leaf = f"(unnamed, in {os.path.basename(m.group(3)) if m else '?'})"
        own[leaf] += 1
    counts[first] += 1
    if bucket_ms > 0 and when is not None: timeline[int(when * 1000 // bucket_ms)][first] += 1
for line in open(samples, errors="replace"):
    if not line.strip(): flush(); stack = []
    elif line[0] in " \t": stack.append(line.rstrip("\n"))
    else:
        stack = []
        m = header.match(line)
        when = float(m.group(1)) if m else None
flush()
print(f"{total} samples at 2 kHz ({total / 2000:.1f} s of CPU); first named frame outside the framework:")
for n, c in counts.most_common(top): print(f"{100 * c / total:5.1f}% {c:6d}  {n}")
print(f"\nOwn method of each sample (framework included):")
for n, c in own.most_common(top): print(f"{100 * c / total:5.1f}% {c:6d}  {n}")
if timeline:
    start, full = min(timeline), bucket_ms / 1000 * 2000 * (os.cpu_count() or 1)
    deep = "(deep in the runtime: garbage collection, mostly)"
    print(f"\nIn time, {bucket_ms:g} ms a line: busy (samples over what {os.cpu_count()} cores at 2 kHz could give), of it deep in"
          " the runtime (collections; at the start, the JIT too), and the three methods most sampled besides:")
    for b in range(start, max(timeline) + 1):
        c = timeline.get(b, collections.Counter())
        busy, runtime = 100 * sum(c.values()) / full, 100 * c[deep] / full
        named = [(n, k) for n, k in c.most_common(4) if n != deep][:3]
        print(f"{(b - start) * bucket_ms / 1000:6.2f} s {busy:4.0f}% {runtime:4.0f}%  " + "; ".join(f"{n} {k}" for n, k in named))
EOF
