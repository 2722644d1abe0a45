#!/usr/bin/env bash
# End-to-end migration benchmark (issue 3). Needs PostgreSQL at 127.0.0.1:5432 (user postgres), psql, createdb,
# dropdb; sqlite3 for the SQLite floor. Usage: bench/run.sh [migrations=1000] [repetitions=3]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
n="${1:-1000}"
reps="${2:-3}"
work="$(mktemp -d /tmp/godwit-bench.XXXXXX)"
trap 'rm -rf "$work"' EXIT
pg="-h 127.0.0.1 -U postgres"
jar="$root/godwit-cli/target/godwit.jar"

"$root/godwit" --version >/dev/null   # builds the CLI when stale
mkdir -p "$work/migrations"
for i in $(seq 1 "$n"); do
  id=$(printf '20260101%06d' "$i")
  body="CREATE TABLE t$i (id bigint PRIMARY KEY, name text NOT NULL, created_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP);
CREATE INDEX t${i}_name ON t$i (name);"
  printf -- '-- godwit:up\n%s\n-- godwit:down\nDROP TABLE t%d;\n' "$body" "$i" > "$work/migrations/${id}_create_t$i.sql"
  printf '%s\n' "$body" >> "$work/all.sql"
done

now() { date +%s%N; }
ms() { echo $(( ($2 - $1) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

psql_times=(); godwit_pg_times=(); sqlite_floor=(); godwit_sqlite_times=()
for r in $(seq 1 "$reps"); do
  db="godwit_bench_$$_$r"
  # Each measured run starts from a fresh database right after a checkpoint, so neither pays for the other's WAL.
  createdb $pg "$db"; psql $pg -q -c CHECKPOINT "$db"
  t0=$(now); psql $pg -q -X -1 -v ON_ERROR_STOP=1 -f "$work/all.sql" "$db" >/dev/null; t1=$(now)
  psql_times+=("$(ms "$t0" "$t1")")
  dropdb $pg "$db"; createdb $pg "$db"; psql $pg -q -c CHECKPOINT "$db"
  t0=$(now); "$root/godwit" -q --url "jdbc:postgresql://127.0.0.1:5432/$db?user=postgres" --dir "$work/migrations" migrate; t1=$(now)
  godwit_pg_times+=("$(ms "$t0" "$t1")")
  if [ "$r" -eq "$reps" ]; then pg_keep="$db"; else dropdb $pg "$db"; fi

  rm -f "$work/floor.db" "$work/godwit.db"
  if command -v sqlite3 >/dev/null; then
    t0=$(now); { echo "BEGIN;"; cat "$work/all.sql"; echo "COMMIT;"; } | sqlite3 "$work/floor.db"; t1=$(now)
    sqlite_floor+=("$(ms "$t0" "$t1")")
  fi
  t0=$(now); "$root/godwit" -q --url "jdbc:sqlite:$work/godwit.db" --dir "$work/migrations" migrate; t1=$(now)
  godwit_sqlite_times+=("$(ms "$t0" "$t1")")
done

noop_pg=$(java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$jar" "$root/bench/NoopMigrate.java" \
  "jdbc:postgresql://127.0.0.1:5432/$pg_keep?user=postgres" "$work/migrations" 10)
noop_sqlite=$(java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$jar" "$root/bench/NoopMigrate.java" \
  "jdbc:sqlite:$work/godwit.db" "$work/migrations" 10)
dropdb $pg "$pg_keep"

version_times=()
for i in $(seq 1 10); do t0=$(now); "$root/godwit" --version >/dev/null; t1=$(now); version_times+=("$(ms "$t0" "$t1")"); done

p=$(printf '%s\n' "${psql_times[@]}" | median)
g=$(printf '%s\n' "${godwit_pg_times[@]}" | median)
s=$(printf '%s\n' "${godwit_sqlite_times[@]}" | median)
f=$( [ ${#sqlite_floor[@]} -gt 0 ] && printf '%s\n' "${sqlite_floor[@]}" | median || echo "n/a")
v=$(printf '%s\n' "${version_times[@]}" | median)
echo "migrations: $n, repetitions: $reps (medians, ms)"
echo "postgres  psql -1 -f floor:        $p   (all: ${psql_times[*]})"
echo "postgres  godwit migrate (wall):   $g   (all: ${godwit_pg_times[*]})  ratio: $(awk "BEGIN {printf \"%.2f\", $g/$p}")"
echo "sqlite    sqlite3 one-transaction: $f   (all: ${sqlite_floor[*]:-})"
echo "sqlite    godwit migrate (wall):   $s   (all: ${godwit_sqlite_times[*]})"
echo "postgres  no-op migrate in-process: $noop_pg"
echo "sqlite    no-op migrate in-process: $noop_sqlite"
echo "godwit --version (wall):           $v   (all: ${version_times[*]})"
