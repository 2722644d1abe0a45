#!/usr/bin/env bash
# Reflection benchmark (issue 4): a synthetic schema of N tables (10 columns, PK, FK, check, 2 indexes) plus N/10
# views; Godwit's in-process reflection against pg_dump --schema-only (PostgreSQL) or sqlite3 .schema (SQLite) in the
# same run. Usage: bench/reflect.sh [postgres_tables=5000] [sqlite_tables=2000] [runs=7]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
pg_n="${1:-5000}"; sqlite_n="${2:-2000}"; runs="${3:-7}"
work="$(mktemp -d /tmp/godwit-reflect.XXXXXX)"
db="godwit_reflect_$$"
pg="-h 127.0.0.1 -U postgres"
trap 'rm -rf "$work"; dropdb $pg --if-exists "$db"' EXIT
jar="$root/godwit-cli/target/godwit.jar"
"$root/godwit" --version >/dev/null
now() { date +%s%N; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
java_run() { java -Xmx256m -XX:+UseSerialGC -cp "$jar" "$root/bench/Reflect.java" "$@"; }

python3 "$root/bench/schema.py" postgres "$pg_n" > "$work/pg.sql"
createdb $pg "$db"
# Not one transaction: 5,000 CREATE TABLEs hold more locks than max_locks_per_transaction allows.
PGOPTIONS="-c synchronous_commit=off" psql $pg -q -X -v ON_ERROR_STOP=1 -f "$work/pg.sql" "$db" >/dev/null
psql $pg -q -c "VACUUM ANALYZE" "$db"
dump=()
for i in $(seq 1 "$runs"); do
  t0=$(now); pg_dump $pg --schema-only "$db" > /dev/null; t1=$(now); dump+=($(( (t1 - t0) / 1000000 )))
done
echo "postgres $pg_n tables: pg_dump --schema-only median $(printf '%s\n' "${dump[@]}" | median) ms (all: ${dump[*]})"
echo "postgres $pg_n tables: godwit $(java_run "jdbc:postgresql://127.0.0.1:5432/$db?user=postgres" "$runs")"

python3 "$root/bench/schema.py" sqlite "$sqlite_n" > "$work/sqlite.sql"
{ echo "BEGIN;"; cat "$work/sqlite.sql"; echo "COMMIT;"; } | sqlite3 "$work/bench.db"
schema=()
for i in $(seq 1 "$runs"); do
  t0=$(now); sqlite3 "$work/bench.db" .schema > /dev/null; t1=$(now); schema+=($(( (t1 - t0) / 1000000 )))
done
echo "sqlite $sqlite_n tables: sqlite3 .schema median $(printf '%s\n' "${schema[@]}" | median) ms (all: ${schema[*]})"
echo "sqlite $sqlite_n tables: godwit $(java_run "jdbc:sqlite:$work/bench.db" "$runs")"
