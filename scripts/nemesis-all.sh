#!/usr/bin/env bash
# The correct engine under every fault at once: list-append, queue and deque with --nemesis all on delta
# and rmw, one dkv test process each, then one JSON line per run (verdict, checker verdicts, counts,
# faults, longest unavailability, recovery) in results/nemesis-all-<date>.json.
# Expected: every run valid, except deque on delta (its RPUSH/LPUSH reply is not the true length:
# docs/engine-lists.md), which must come out invalid with that explanation.
# Usage: scripts/nemesis-all.sh [--time-limit 60] [--seed 1] [--store /tmp/dkv-nemesis-all]
#   WORKLOADS="set hash zset counter" VARIANTS="rmw delta delta-cf" OUT=results/x.json  choose other cells
set -uo pipefail
cd "$(dirname "$0")/.."
time_limit=60; seed=1; store=/tmp/dkv-nemesis-all
while [ $# -gt 0 ]; do
  case "$1" in
    --time-limit) time_limit=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --store) store=$2; shift 2 ;;
    *) echo "nemesis-all.sh: unknown option $1" >&2; exit 254 ;;
  esac
done
out="${OUT:-results/nemesis-all-$(date -u +%F).json}"
echo "[" > "$out.tmp"
first=1
for workload in ${WORKLOADS:-list-append queue deque}; do
  for variant in ${VARIANTS:-delta rmw}; do
    echo "== $workload on $variant, --nemesis all, $time_limit s, seed $seed"
    ./dkv test --workload "$workload" --variant "$variant" --nemesis all --time-limit "$time_limit" \
      --seed "$seed" --store "$store" > /tmp/nemesis-all.out 2>&1
    code=$?
    tail -n 12 /tmp/nemesis-all.out
    run=$(tail -n 1 /tmp/nemesis-all.out)
    [ $first = 1 ] || echo "," >> "$out.tmp"; first=0
    if [ ! -f "$run/results.json" ]; then
      printf '{"workload": "%s", "variant": "%s", "exit": %s, "error": "%s"}' "$workload" "$variant" "$code" \
        "$(printf '%s' "$run" | sed 's/"/\\"/g')" >> "$out.tmp"
      continue
    fi
    {
      printf '{"workload": "%s", "variant": "%s", "nemesis": "all", "time-limit-s": %s, "seed": %s, "exit": %s,\n' \
        "$workload" "$variant" "$time_limit" "$seed" "$code"
      printf ' "command": "./dkv test --workload %s --variant %s --nemesis all --time-limit %s --seed %s",\n' \
        "$workload" "$variant" "$time_limit" "$seed"
      printf ' "summary": ['
      sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/"/' -e 's/$/"/' "$run/summary.txt" | grep -v "^\"/" | paste -sd, -
      printf '],\n "results": '
      cat "$run/results.json"
      printf '}'
    } >> "$out.tmp"
  done
done
echo "]" >> "$out.tmp"
mv "$out.tmp" "$out"
echo "wrote $out"
