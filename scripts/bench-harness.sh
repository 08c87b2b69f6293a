#!/usr/bin/env bash
# Is the harness the bottleneck? Against one real redis-server (64 workers, no rate limit): dkv test's
# ok ops/s with every op recorded vs bare clients recording nothing (goal >= 50%), the check time, then
# the harness on a local 3-node cluster of each variant. Writes results/harness-overhead-<date>.json.
# Usage: scripts/bench-harness.sh [--seconds 10] [--workers 64] [--workload list-append]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-test-deps.sh >/dev/null
mvn -B -q -DskipTests package
exec java -Djava.util.concurrent.ForkJoinPool.common.parallelism=4 -cp cli/target/dkv.jar \
  deltakv.runner.bench.HarnessOverhead --out "results/harness-overhead-$(date -u +%F).json" "$@"
