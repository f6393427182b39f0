#!/usr/bin/env bash
# Time wafr's one-shot commands side by side with another command.
#
#   scripts/compare.sh [-n RUNS] LENS -- COMMAND [ARGS...]
#   scripts/compare.sh ../shared/aws-lenses/aws-samples__custom-lens-wa-hub__Amazon_ECS_Lens.json -- glow --version
#   scripts/compare.sh -n 50 gen -- ./hello
#
# LENS is a lens file, or "gen" for a generated AWS lens of about 400 KB
# (57 questions). The script builds wafr and, in a temporary folder, a
# review answering every question of LENS with actions (and a second one
# to diff against), 1,000 such reviews, and one with 100 milestones. Then
# it runs each wafr command and COMMAND in turn, RUNS times (default 30),
# alternating so that both see the same load, and prints the median and
# the fastest run of each, the ratio of the medians, and the peak memory
# of the multi-file commands (with GNU time). wafr's lens cache is kept in
# the temporary folder too (warm after the first run, as a user's is; one
# row runs with it off). Nothing is written outside the temporary folder,
# which is removed at the end.
set -euo pipefail

runs=30
if [[ ${1:-} == -n ]]; then
  runs=$2
  shift 2
fi
if [[ $# -lt 3 || $2 != -- ]]; then
  sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
lens=$1
shift 2
other=("$@")

repo=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/wafr-compare.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

if [[ $lens != gen ]]; then
  lens=$(cd "$(dirname "$lens")" && pwd)/$(basename "$lens")
fi
echo "building wafr and the review generator..." >&2
(cd "$repo" && go build -o "$tmp/wafr" ./cmd/wafr && go build -o "$tmp/genreviews" ./scripts/genreviews)
gen() { "$tmp/genreviews" -lens "${lens/#gen/gen:400k}" "$@"; }
echo "writing the reviews..." >&2
gen -out "$tmp/one" -n 2
gen -out "$tmp/many" -n 1000
gen -out "$tmp/history" -milestones 100
# Files at rest, as in a repository: wafr waits for a file written in the
# last moments to stop changing, and checks a fresh lens's content.
find "$tmp" -type f -exec touch -d '1 hour ago' {} +

# wafr keeps parsed lenses in a cache; this one lives in the temporary
# folder, warmed by the first run of each command as a user's would be.
export WAFR_CACHE_DIR=$tmp/cache
wafr=$tmp/wafr
one=$tmp/one
many=("$tmp"/many/review-*.yaml)
commands=(
  "summary|$wafr summary $one/review-0001.yaml"
  "summary, cache off|WAFR_CACHE=off $wafr summary $one/review-0001.yaml"
  "report|$wafr report $one/review-0001.yaml"
  "diff|$wafr diff $one/review-0002.yaml $one/review-0001.yaml"
  "history, 100 milestones|$wafr history $tmp/history/review.yaml"
  "summary of 1,000 files|$wafr summary ${many[*]}"
  "action list of 1,000 files|$wafr action list ${many[*]}"
)

# ms runs a command line once, output discarded, and prints its wall
# time in milliseconds (three decimals).
ms() {
  local start end env=()
  while [[ $1 == *=* ]]; do env+=("$1"); shift; done # VAR=value before the command
  start=$EPOCHREALTIME
  (if ((${#env[@]})); then export "${env[@]}"; fi; exec "$@") >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }
  end=$EPOCHREALTIME
  echo $(( (${end/./} - ${start/./}) ))
}

# stats prints the median and the minimum of microsecond times, in ms.
stats() {
  sort -n | awk '{ a[NR] = $1 } END {
    m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2
    printf "%.1f %.1f\n", m / 1000, a[1] / 1000 }'
}

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $runs runs each" >&2
printf '%-28s %22s %22s %7s\n' "command" "wafr median (min) ms" "other median (min) ms" "ratio"
for entry in "${commands[@]}"; do
  name=${entry%%|*}
  read -r -a cmd <<<"${entry#*|}"
  n=$runs
  [[ $name == *1,000* ]] && n=$(( (runs + 2) / 3 ))
  ms "${cmd[@]}" >/dev/null # warm the page cache
  : >"$tmp/a"
  : >"$tmp/b"
  for ((i = 0; i < n; i++)); do
    ms "${cmd[@]}" >>"$tmp/a"
    ms "${other[@]}" >>"$tmp/b"
  done
  read -r am amin < <(stats <"$tmp/a")
  read -r bm bmin < <(stats <"$tmp/b")
  ratio=$(awk -v a="$am" -v b="$bm" 'BEGIN { printf "%.2fx", a / b }')
  printf '%-28s %22s %22s %7s\n' "$name" "$am ($amin)" "$bm ($bmin)" "$ratio"
done
if command -v /usr/bin/time >/dev/null && /usr/bin/time -f %M true >/dev/null 2>&1; then
  for sub in summary "action list"; do
    read -r -a words <<<"$sub"
    peak=$(/usr/bin/time -f %M "$wafr" "${words[@]}" "${many[@]}" 2>&1 >/dev/null | tail -1)
    echo "peak memory, $sub of 1,000 files: $(( peak / 1024 )) MB"
  done
fi
echo "machine after: load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
