#!/usr/bin/env bash
# Diff benchmarks (issue "Diff, plan and generate"):
#  (a) diff + plan between two 5,000-table PostgreSQL schemas built in code, differing in 1% of the tables, in
#      process (DiffBench.java: warm-up, then the median of RUNS);
#  (b) `godwit generate` offline from the snapshot of a 1,000-table project (GenerateProject.java writes it): wall
#      time including JVM start, median of RUNS after 2 warm-ups, with an unreachable --url so nothing can connect.
# Needs a JDK 17 (java, javac). No database.
# Usage: bench/diff/run.sh [tables=5000] [project_tables=1000] [runs=15]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
tables="${1:-5000}"; project_tables="${2:-1000}"; runs="${3:-15}"
work="$(mktemp -d /tmp/godwit-diff-bench.XXXXXX)"
trap 'rm -rf "$work"' EXIT
"$root/godwit" --version >/dev/null   # builds the CLI jar when stale
jar="$root/godwit-cli/target/godwit.jar"
javac -d "$work/classes" -cp "$jar" "$here/DiffBench.java" "$here/GenerateProject.java"
now() { date +%s%N; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
field() { sed -n "s/^$1=//p" "$2"; }

echo "== (a) diff + plan, $tables tables, 1% changed, in process"
java -cp "$jar:$work/classes" DiffBench "$tables" 5 "$runs" | tee "$work/a.txt"

echo "== (b) godwit generate offline, $project_tables-table project"
java -cp "$jar:$work/classes" GenerateProject "$work/project" "$project_tables"
cd "$work/project"
cp migrations/.godwit/snapshot.json snapshot.orig
offline="jdbc:postgresql://127.0.0.1:1/offline"
measure() {   # $1: label, rest: the command
  local label="$1"; shift
  local times=()
  for i in $(seq 1 $((runs + 2))); do
    rm -f migrations/*_change_one_percent.sql; cp snapshot.orig migrations/.godwit/snapshot.json
    local start; start=$(now)
    "$@" --url "$offline" --to desired.json -q generate change one percent
    local ms=$(( ($(now) - start) / 1000000 ))
    [ "$i" -gt 2 ] && times+=("$ms")
  done
  ls migrations/*_change_one_percent.sql >/dev/null
  echo "${label}_runs_ms=$(IFS=,; echo "${times[*]}")"
  echo "${label}_median_ms=$(printf '%s\n' "${times[@]}" | median)"
}
measure godwit "$root/godwit" | tee "$work/b.txt"
measure java_jar java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -jar "$jar" | tee -a "$work/b.txt"
echo "changes_written=$(grep -c ';$' migrations/*_change_one_percent.sql)"

verdict() { if [ "$1" -eq 1 ]; then echo pass; else echo FAIL; fi; }
a_ms=$(field median_ms "$work/a.txt"); b_ms=$(field godwit_median_ms "$work/b.txt")
echo
echo "| figure | measured | target | result |"
echo "|---|---|---|---|"
echo "| (a) diff + plan, $tables tables, 1% changed, median of $runs | $a_ms ms | < 300 ms | $(verdict $(( a_ms < 300 ))) |"
echo "| (a) first (cold) run in a fresh JVM | $(field cold_ms "$work/a.txt") ms | | |"
echo "| (b) ./godwit generate offline, $project_tables tables, median of $runs | $b_ms ms | < 1000 ms | $(verdict $(( b_ms < 1000 ))) |"
echo "| (b) java -jar godwit.jar generate, same | $(field java_jar_median_ms "$work/b.txt") ms | | |"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
