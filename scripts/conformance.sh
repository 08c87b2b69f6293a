#!/usr/bin/env bash
# Runs every row of CONFORMANCE_DIR/MANIFEST.tsv through `dkv check` and fails on any verdict mismatch.
set -uo pipefail
dir="${1:?usage: conformance.sh CONFORMANCE_DIR}"
here="$(cd "$(dirname "$0")/.." && pwd)"
pass=0; fail=0; skipped=0
# Tabs are turned into \037 first: with IFS=tab, bash merges empty fields (e.g. an empty options column).
while IFS=$'\037' read -r file check options expected detail source; do
  [ "$file" = "file" ] && continue
  [ -z "$file" ] && continue
  case "$check" in
    list-append|rw-register|queue|counter|set|set-full) args=(--workload "$check");;
    *) args=(--model "$check");;
  esac
  # Options are "--flag VALUE" pairs whose value may contain spaces (an EDN map): split at "--".
  opts=()
  rest="$options"
  while [ -n "$rest" ]; do
    pair="${rest%% --*}"
    opts+=("${pair%% *}")
    [ "$pair" != "${pair%% *}" ] && opts+=("${pair#* }")
    [ "$pair" = "$rest" ] && break
    rest="${rest#"$pair" }"
  done
  out=$("$here/dkv" check "${args[@]}" "${opts[@]}" "$dir/$file" 2>&1)
  rc=$?
  verdict=$(printf '%s\n' "$out" | grep -m1 -o 'valid? [a-z]*' | awk '{print $2}')
  if [ "$verdict" = "$expected" ]; then
    pass=$((pass+1))
  else
    fail=$((fail+1))
    echo "MISMATCH $file ($check $options): expected $expected, got '${verdict:-none}' (exit $rc)"
    printf '%s\n' "$out" | head -5 | sed 's/^/    /'
  fi
done < <(tr '\t' '\037' < "$dir/MANIFEST.tsv")
echo "conformance: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
