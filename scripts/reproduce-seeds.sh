#!/usr/bin/env bash
# The anomaly catalogue's detection benchmark (docs/anomalies.md): scenarios of `dkv reproduce` from five
# first seeds, each with its control (the correct engine on the same runs). Prints a table (detected k/5,
# median test seconds to detection, valid controls) and writes every outcome as JSON.
# About 6 minutes per scenario on a 2-core machine (1.5 hours for the catalogue); run nothing else meanwhile.
#
#   scripts/reproduce-seeds.sh [ID...]          default: every scenario (--all)
#     OUT=FILE.json    default results/reproduce/seeds-<date>.json
#     STORE=DIR        where the runs go (default /tmp/dkv-reproduce-seeds; several GB)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${OUT:-$here/results/reproduce/seeds-$(date -u +%F).json}"
store="${STORE:-/tmp/dkv-reproduce-seeds}"
mkdir -p "$(dirname "$out")"
which=("$@")
[ ${#which[@]} -eq 0 ] && which=(--all)
# First seeds 10 apart: a scenario's budget holds at most six runs (60 s of 10 s runs), so the five
# trials never share a run.
exec "$here/dkv" reproduce "${which[@]}" --control --seeds 1,11,21,31,41 --store "$store" --json "$out"
