#!/usr/bin/env bash
# Requests per second the local cloud serves on ONE core: the server pinned to CPU 0 (taskset), wrk on CPU 1.
# Needs wrk (Debian: apt-get install wrk) and python3. Usage: bench.sh [ACTION] [SECONDS]
set -euo pipefail
cd "$(dirname "$0")"
root=$(cd ../.. && pwd)
action=${1:-DescribeVpcs}
seconds=${2:-10}
threads=2
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT

dotnet build -c Release "$root/functions/AcrReach.Cli" >/dev/null
# Every request carries its own nonce (a replay is refused), so each run gets its own lines, more than it sends;
# the script prints how many answers were not 200.
python3 signed_requests.py 150000 "$work/warmup.txt" "$action" warmup
python3 signed_requests.py "${LINES:-600000}" "$work/requests.txt" "$action" measured
taskset -c 0 dotnet "$root/functions/AcrReach.Cli/bin/Release/net10.0/acr-reach.dll" local-cloud \
  --scenario "$root/tests/conformance/scenario.json" --qps '*=0' >"$work/server.out" 2>&1 &
server=$!
for _ in $(seq 50); do grep -q listening "$work/server.out" && break; sleep 0.2; done
url=$(sed -n 's/^listening on //p' "$work/server.out")
# Warm-up (JIT, tiered compilation), then the measured run.
REQUESTS_FILE="$work/warmup.txt" WRK_THREADS=$threads taskset -c 1 wrk -t$threads -c32 -d3s -s requests.lua "$url" >/dev/null
REQUESTS_FILE="$work/requests.txt" WRK_THREADS=$threads taskset -c 1 wrk -t$threads -c32 -d"${seconds}s" --latency -s requests.lua "$url"
