#!/usr/bin/env bash
# Cold start of the function host, side by side: the NativeAOT bootstrap (what FC runs) and the same host on
# the JIT (dotnet bootstrap.dll). For each: time from process start to the first answered POST /invoke, and
# peak memory (VmHWM, the resident-set high-water mark) after that answer and after more invocations.
# Two measurements: the host alone (an event it answers without the engine), then the first invocation doing a
# whole report sweep with the engine against a local cloud seeded with the seed scenario.
# Usage: bench/host-startup.sh [runs]   (default 10; needs python3)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
out=artifacts/bench

dotnet publish functions/AcrReach.Functions -c Release -r linux-x64 -o "$out/aot" -v quiet -nologo
dotnet publish functions/AcrReach.Functions -c Release -r linux-x64 -p:PublishAot=false --self-contained false -o "$out/jit" -v quiet -nologo
dotnet build functions/AcrReach.Cli -c Release -o "$out/cli" -v quiet -nologo

echo "== host alone: an ignored event (attachment create that failed), 200 more"
python3 bench/host_startup.py --runs "$runs" --event tests/events/attachment-create-failed.json \
  "NativeAOT=$out/aot/bootstrap" \
  "JIT=dotnet $out/jit/bootstrap.dll"

log=$(mktemp)
"$out/cli/acr-reach" local-cloud --scenario tests/AcrReach.Core.Tests/Scenarios/Planning/seed-hangzhou-shanghai.json --port 0 >"$log" 2>&1 &
cloud=$!
trap 'kill $cloud 2>/dev/null; rm -f "$log"' EXIT
until grep -q '^listening on ' "$log"; do
  kill -0 $cloud 2>/dev/null || { cat "$log"; exit 1; }
  sleep 0.1
done
endpoint=$(sed -n 's/^listening on //p' "$log")

echo "== with the engine: a report sweep of the seed account on the local cloud ($endpoint), 20 more"
python3 bench/host_startup.py --runs "$runs" --more 20 --function sweep --event tests/events/timer-sweep-report.json \
  --env "ACR_REACH_ENDPOINT=$endpoint" \
  --header x-fc-access-key-id:local-access-key-id --header x-fc-access-key-secret:local-access-key-secret \
  "NativeAOT=$out/aot/bootstrap" \
  "JIT=dotnet $out/jit/bootstrap.dll"
