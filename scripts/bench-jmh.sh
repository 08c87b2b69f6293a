#!/usr/bin/env bash
# Runs the engine JMH benchmarks and stores their JSON under results/jmh/ (one file per run, with the
# exact command in results/jmh/COMMANDS.txt). Usage: scripts/bench-jmh.sh [quick]
#   quick: 1 warm-up + 2 measurement iterations (a smoke run; not for recorded numbers)
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f jmh/target/benchmarks.jar ] || mvn -B -q -DskipTests package
out=results/jmh
mkdir -p "$out"
extra=()
[ "${1:-}" = "quick" ] && extra=(-wi 1 -i 2)
java_cmd=(java -Djava.util.concurrent.ForkJoinPool.common.parallelism=4 -jar jmh/target/benchmarks.jar)
run() {
  local name=$1; shift
  echo "$(date -u +%FT%TZ) ${java_cmd[*]} $* ${extra[*]} -rf json -rff $out/$name.json" >> "$out/COMMANDS.txt"
  "${java_cmd[@]}" "$@" "${extra[@]}" -rf json -rff "$out/$name.json"
}
for t in 1 4 16 64; do
  run "hot-list-t$t" HotListContendedBench -t "$t"
done
run meta-read-latency MetaReadLatencyBench
