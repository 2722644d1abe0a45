#!/usr/bin/env bash
# Reflection benchmark (issue 4): builds a synthetic schema in a fresh PostgreSQL database and a fresh SQLite file,
# then times Godwit's reflection of each into the model in process (bench/reflect/ReflectBench.java, -Xmx256m; warmed
# up as JMH does, by time: at least 5 calls and 5 s, the first five printed as cold_ms) and the database's own
# schema dump (pg_dump --schema-only; sqlite3 .schema) of the same schema, in the same run.
# Needs PostgreSQL at 127.0.0.1:5432 (user postgres), psql, createdb, dropdb, pg_dump, sqlite3, python3, javac.
# Usage: bench/reflect/run.sh [pg_tables=5000] [pg_views=500] [sqlite_tables=2000] [sqlite_views=200] [runs=7]
# Environment: GODWIT_JAR (default godwit-cli/target/godwit.jar, built when stale), WARMUP_SECONDS (5), PGHOST, PGPORT,
# PGUSER.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
pg_tables="${1:-5000}"; pg_views="${2:-500}"; sqlite_tables="${3:-2000}"; sqlite_views="${4:-200}"; runs="${5:-7}"
warmup=5; warmup_seconds="${WARMUP_SECONDS:-5}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
db="godwit_reflect_bench_$$"
work="$(mktemp -d /tmp/godwit-reflect.XXXXXX)"
trap 'dropdb --if-exists "$db" 2>/dev/null || true; rm -rf "$work"' EXIT

if [ -z "${GODWIT_JAR:-}" ]; then
  "$root/godwit" --version >/dev/null   # builds the CLI jar when stale
  GODWIT_JAR="$root/godwit-cli/target/godwit.jar"
fi
javac -d "$work/classes" -cp "$GODWIT_JAR" "$here/ReflectBench.java"
bench() { java -Xmx256m -cp "$GODWIT_JAR:$work/classes" ReflectBench "$1" "$warmup" "$warmup_seconds" "$runs"; }
now() { date +%s%N; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
field() { sed -n "s/^$1=//p" "$2"; }

echo "== PostgreSQL: $pg_tables tables, $pg_views views"
createdb "$db"
start=$(now)
python3 "$here/gen_schema.py" postgres "$pg_tables" "$pg_views" | psql -q -v ON_ERROR_STOP=1 -d "$db" >/dev/null
echo "schema loaded in $(( ($(now) - start) / 1000000 )) ms"
psql -q -d "$db" -c "VACUUM ANALYZE" >/dev/null   # catalog statistics, as a live database has them
# Loading 5,000 tables writes over a gigabyte of WAL: without this, the checkpoints it requests are still writing
# while the first program is timed (pg_dump, timed later, would mostly miss them).
psql -q -d "$db" -c "CHECKPOINT" >/dev/null
bench "jdbc:postgresql://$PGHOST:$PGPORT/$db?user=$PGUSER" | tee "$work/pg.txt"
dumps=()
for _ in $(seq 1 "$runs"); do
  start=$(now); pg_dump --schema-only -d "$db" >/dev/null; dumps+=($(( ($(now) - start) / 1000000 )))
done
pg_dump_ms=$(printf '%s\n' "${dumps[@]}" | median)
echo "pg_dump_runs_ms=$(IFS=,; echo "${dumps[*]}")"
echo "pg_dump_median_ms=$pg_dump_ms"

echo "== SQLite: $sqlite_tables tables, $sqlite_views views"
python3 "$here/gen_schema.py" sqlite "$sqlite_tables" "$sqlite_views" | sqlite3 "$work/bench.db"
bench "jdbc:sqlite:$work/bench.db" | tee "$work/sqlite.txt"
dumps=()
for _ in $(seq 1 "$runs"); do
  start=$(now); sqlite3 "$work/bench.db" .schema >/dev/null; dumps+=($(( ($(now) - start) / 1000000 )))
done
sqlite_dump_ms=$(printf '%s\n' "${dumps[@]}" | median)
echo "sqlite3_schema_runs_ms=$(IFS=,; echo "${dumps[*]}")"
echo "sqlite3_schema_median_ms=$sqlite_dump_ms"

verdict() { if [ "$1" -eq 1 ]; then echo pass; else echo FAIL; fi; }
pg_ms=$(field median_ms "$work/pg.txt"); pg_heap=$(field heap_peak_sum_of_pools_mb "$work/pg.txt")
sq_ms=$(field median_ms "$work/sqlite.txt"); sq_heap=$(field heap_peak_sum_of_pools_mb "$work/sqlite.txt")
echo
echo "| figure | measured | target | result |"
echo "|---|---|---|---|"
echo "| PostgreSQL reflect, median of $runs | $pg_ms ms | < 1000 ms | $(verdict $(( pg_ms < 1000 ))) |"
echo "| pg_dump --schema-only, median of $runs | $pg_dump_ms ms | | |"
echo "| reflect / pg_dump | $(awk "BEGIN {printf \"%.2f\", $pg_ms / $pg_dump_ms}") | <= 0.50 | $(verdict $(( 2 * pg_ms <= pg_dump_ms ))) |"
echo "| PostgreSQL peak heap (-Xmx256m) | $pg_heap MB | < 256 MB | $(verdict $(( pg_heap < 256 ))) |"
pg_snap=$(field snapshot_median_ms "$work/pg.txt"); sq_snap=$(field snapshot_median_ms "$work/sqlite.txt")
echo "| PostgreSQL snapshot write + read | $pg_snap ms | < 500 ms | $(verdict $(( pg_snap < 500 ))) |"
echo "| PostgreSQL first five calls (cold JVM first) | $(field cold_ms "$work/pg.txt") ms | | |"
echo "| SQLite reflect, median of $runs | $sq_ms ms | < 1000 ms | $(verdict $(( sq_ms < 1000 ))) |"
echo "| sqlite3 .schema, median of $runs | $sqlite_dump_ms ms | | |"
echo "| SQLite reflect / sqlite3 .schema | $(awk "BEGIN {printf \"%.1f\", $sq_ms / ($sqlite_dump_ms > 0 ? $sqlite_dump_ms : 1)}") | <= 0.50 | $(verdict $(( 2 * sq_ms <= sqlite_dump_ms ))) |"
echo "| SQLite peak heap (-Xmx256m) | $sq_heap MB | < 256 MB | $(verdict $(( sq_heap < 256 ))) |"
echo "| SQLite snapshot write + read | $sq_snap ms | < 500 ms | $(verdict $(( sq_snap < 500 ))) |"
echo "| SQLite first five calls (cold JVM first) | $(field cold_ms "$work/sqlite.txt") ms | | |"
