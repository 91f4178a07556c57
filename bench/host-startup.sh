#!/usr/bin/env bash
# Cold start of the function host, side by side: the NativeAOT bootstrap (what FC runs) and the same host on
# the JIT (dotnet bootstrap.dll). For each: time from process start to the first answered POST /invoke, and
# peak memory (VmHWM, the resident-set high-water mark) after that answer and after 200 more invocations.
# Usage: bench/host-startup.sh [runs]   (default 10; needs python3)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
out=artifacts/bench

dotnet publish functions/AcrReach.Functions -c Release -r linux-x64 -o "$out/aot" -v quiet -nologo
dotnet publish functions/AcrReach.Functions -c Release -r linux-x64 -p:PublishAot=false --self-contained false -o "$out/jit" -v quiet -nologo

python3 bench/host_startup.py --runs "$runs" --event tests/events/attachment-create-failed.json \
  "NativeAOT=$out/aot/bootstrap" \
  "JIT=dotnet $out/jit/bootstrap.dll"
