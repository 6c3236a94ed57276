#!/usr/bin/env bash
# Pictures of a release: runs the demo (scenario slow by default: a latency regression that Flagger rolls back),
# keeps its Prometheus' TSDB, backtests the recorded release against it with both policies, and renders both
# HTML reports (demo --report and backtest --report) once in headless Chromium as PNG screenshots.
#   scripts/release-pictures.sh [OUT_DIR] [demo options...]
# Defaults: OUT_DIR=docs (report-demo.png and report-backtest.png), the HTML and the TSDB in a temporary folder.
# Needs the Debian packages prometheus and chromium (/usr/bin/chromium, or set CHROMIUM).
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(realpath -m "${1:-docs}")
shift || true
demo_args=("$@")
if [ ${#demo_args[@]} -eq 0 ]; then demo_args=(--scenario slow); fi
chromium=${CHROMIUM:-/usr/bin/chromium}
work=$(mktemp -d /tmp/canarykit-pictures.XXXXXX)
prometheus_pid=""
cleanup() {
  if [ -n "$prometheus_pid" ]; then kill "$prometheus_pid" 2>/dev/null || true; wait "$prometheus_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$out"

echo "1/4 the demo, keeping its TSDB (about 2 minutes)"
scripts/demo.sh "${demo_args[@]}" --dump "$work/dump" --keep-tsdb "$work/tsdb" | tee "$work/demo.txt"
read -r _ start _ end < <(grep '^  Release window: ' "$work/demo.txt" | sed 's/^  Release window: //')
# The window ends half an interval after the decision; history holds it once that moment has passed.
end_epoch=$(date -d "$end" +%s)
while [ "$(date +%s)" -le "$end_epoch" ]; do sleep 1; done

echo "2/4 Prometheus over the recorded TSDB"
port=19090
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
"${PROMETHEUS_BIN:-prometheus}" --config.file="$work/tsdb/prometheus.yml" --storage.tsdb.path="$work/tsdb/data" \
  --web.listen-address="127.0.0.1:$port" >"$work/prometheus.log" 2>&1 &
prometheus_pid=$!
for _ in $(seq 1 100); do
  if curl -sf "http://127.0.0.1:$port/-/ready" >/dev/null; then break; fi
  sleep 0.2
done

echo "3/4 backtest of the recorded release"
java -jar examples/target/canarykit.jar backtest --canary "$work/dump/canary-podinfo.yaml" \
  --prometheus "http://127.0.0.1:$port" --start "$start" --end "$end" --report "$work/backtest.html" \
  | tee "$work/backtest.txt"

echo "4/4 headless Chromium"
shoot() {
  "$chromium" --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
    --disable-sync --no-first-run --user-data-dir="$work/chromium-$1" --hide-scrollbars --window-size=1040,"$2" \
    --screenshot="$out/report-$1.png" "file://$3" 2>"$work/chromium-$1.log"
  echo "wrote $out/report-$1.png"
}
shoot demo 1250 "$work/dump/report.html"
shoot backtest 1750 "$work/backtest.html"
