#!/usr/bin/env bash
# End-to-end migration benchmark (issue 3); see bench/README.md and docs/PERFORMANCE.md.
# Generates N migrations (each a CREATE TABLE and a CREATE INDEX) into a temp dir and, in the same run, measures:
#   (a) godwit migrate of the N files on a fresh, empty PostgreSQL database (wall, JVM start included) against the
#       floor, psql -1 -f of the same SQL concatenated, on another fresh database;
#   (b) the same on a fresh SQLite file, against sqlite3 in one transaction (or a JDBC loop when sqlite3 is missing);
#   (c) a no-op migrate with all N applied, in process (bench/NoopMigrate.java), PostgreSQL and SQLite;
#   (d) godwit --version, wall.
# Needs PostgreSQL at 127.0.0.1:5432 (user postgres), psql, createdb, dropdb, javac; sqlite3 optional.
# Usage: bench/run.sh [migrations=1000] [repetitions=7]
# Environment: PGHOST, PGPORT, PGUSER; GODWIT_JAR (default: godwit-cli/target/godwit.jar, built when stale);
#   SQLITE_FLOOR=sqlite3|jdbc (default: sqlite3 when installed); NOOP_WARMUP=5, NOOP_RUNS=15, VERSION_RUNS=10.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
n="${1:-1000}"
reps="${2:-7}"
noop_warmup="${NOOP_WARMUP:-5}"; noop_runs="${NOOP_RUNS:-15}"; version_runs="${VERSION_RUNS:-10}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
export PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning"   # no NOTICE from dropdb --if-exists
pg_url() { echo "jdbc:postgresql://$PGHOST:$PGPORT/$1?user=$PGUSER"; }
db_prefix="godwit_bench_$$"
work="$(mktemp -d /tmp/godwit-bench.XXXXXX)"
cleanup() {
  for db in $(psql -X -At -d postgres -c "SELECT datname FROM pg_database WHERE datname LIKE '${db_prefix}%'"); do
    dropdb --if-exists "$db" || true
  done
  rm -rf "$work"
}
trap cleanup EXIT

if [ -z "${SQLITE_FLOOR:-}" ]; then
  if command -v sqlite3 >/dev/null; then SQLITE_FLOOR=sqlite3; else SQLITE_FLOOR=jdbc; fi
fi
"$root/godwit" --version >/dev/null   # builds the CLI jar when stale, before anything is timed
jar="${GODWIT_JAR:-$root/godwit-cli/target/godwit.jar}"
javac -d "$work/classes" -cp "$jar" "$here/NoopMigrate.java" "$here/SqliteFloor.java"

# Ids are real UTC timestamps, one second apart from 2026-01-01 00:00:00, as `godwit new` would write them.
mkdir -p "$work/pg/migrations"
for i in $(seq 1 "$n"); do
  id=$(printf '20260101%02d%02d%02d' $((i / 3600)) $((i % 3600 / 60)) $((i % 60)))
  table="CREATE TABLE t$i (id bigint PRIMARY KEY, name text NOT NULL, created_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP);"
  index="CREATE INDEX t${i}_name ON t$i (name);"
  printf -- '-- godwit:up\n%s\n%s\n-- godwit:down\nDROP TABLE t%d;\n' "$table" "$index" "$i" \
    > "$work/pg/migrations/${id}_create_t$i.sql"
  printf '%s\n%s\n' "$table" "$index" >> "$work/all.sql"
done
# One copy of the folder per database: migrate keeps its schema snapshot in <dir>/.godwit/.
cp -r "$work/pg" "$work/sqlite"

now() { date +%s%N; }
ms() { echo $(( ($2 - $1) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
# A fresh database, checkpointed so that no measured run pays for the WAL of the one before.
fresh_db() { dropdb --if-exists "$1"; createdb "$1"; psql -X -q -d "$1" -c CHECKPOINT; }

load_before="$(load)"
pair_ratio=(); psql_ms=(); godwit_pg_ms=(); godwit_pg_nosnap_ms=(); sqlite_floor_ms=(); godwit_sqlite_ms=()
pg_floor() {
  fresh_db "$1"
  t0=$(now); psql -X -q -1 -v ON_ERROR_STOP=1 -d "$1" -f "$work/all.sql" >/dev/null; t1=$(now)
  psql_ms+=("$(ms "$t0" "$t1")")
  dropdb "$1"
}
pg_godwit() {
  # The default: migrate also reflects the schema and writes <dir>/.godwit/snapshot.json.
  fresh_db "$1"
  t0=$(now); "$root/godwit" -q --url "$(pg_url "$1")" --dir "$work/pg/migrations" migrate; t1=$(now)
  godwit_pg_ms+=("$(ms "$t0" "$t1")")
  fresh_db "$1"
  t0=$(now); "$root/godwit" -q --url "$(pg_url "$1")" --dir "$work/pg/migrations" --snapshot off migrate; t1=$(now)
  godwit_pg_nosnap_ms+=("$(ms "$t0" "$t1")")
  [ "$r" -eq "$reps" ] && pg_keep="$1" || dropdb "$1"
}
for r in $(seq 1 "$reps"); do
  db="${db_prefix}_$r"
  # Floor and godwit take turns going first, so a slow spell on a shared machine does not always hit the same one;
  # each repetition also gives a paired ratio.
  if [ $((r % 2)) -eq 1 ]; then pg_floor "${db}_psql"; pg_godwit "$db"; else pg_godwit "$db"; pg_floor "${db}_psql"; fi
  pair_ratio+=("$(awk "BEGIN {printf \"%.2f\", ${godwit_pg_ms[-1]} / ${psql_ms[-1]}}")")

  rm -f "$work/floor.db" "$work/godwit.db"
  if [ "$SQLITE_FLOOR" = sqlite3 ]; then
    t0=$(now); { echo "BEGIN;"; cat "$work/all.sql"; echo "COMMIT;"; } | sqlite3 "$work/floor.db"; t1=$(now)
  else
    t0=$(now); java -cp "$jar:$work/classes" SqliteFloor "$work/floor.db" "$work/all.sql" >/dev/null; t1=$(now)
  fi
  sqlite_floor_ms+=("$(ms "$t0" "$t1")")
  t0=$(now); "$root/godwit" -q --url "jdbc:sqlite:$work/godwit.db" --dir "$work/sqlite/migrations" migrate; t1=$(now)
  godwit_sqlite_ms+=("$(ms "$t0" "$t1")")
done

# Plain `java`, as an application embedding the library would run it (not the CLI's C1-only flags).
noop() { java -cp "$jar:$work/classes" NoopMigrate "$1" "$2" "$noop_warmup" "$noop_runs"; }
noop "$(pg_url "$pg_keep")" "$work/pg/migrations" > "$work/noop-pg"
noop "jdbc:sqlite:$work/godwit.db" "$work/sqlite/migrations" > "$work/noop-sqlite"
field() { sed -n "s/^$1=//p" "$2"; }

for i in 1 2; do "$root/godwit" --version >/dev/null; done
version_ms=()
for i in $(seq 1 "$version_runs"); do
  t0=$(now); "$root/godwit" --version >/dev/null; t1=$(now); version_ms+=("$(ms "$t0" "$t1")")
done
load_after="$(load)"

p=$(printf '%s\n' "${psql_ms[@]}" | median)
g=$(printf '%s\n' "${godwit_pg_ms[@]}" | median)
gn=$(printf '%s\n' "${godwit_pg_nosnap_ms[@]}" | median)
f=$(printf '%s\n' "${sqlite_floor_ms[@]}" | median)
s=$(printf '%s\n' "${godwit_sqlite_ms[@]}" | median)
v=$(printf '%s\n' "${version_ms[@]}" | median)
ratio() { awk "BEGIN {printf \"%.2f\", $1 / $2}"; }
verdict() { awk "BEGIN {print ($1 < $2) ? \"pass\" : \"FAIL\"}"; }
pr=$(printf '%s\n' "${pair_ratio[@]}" | median)
np=$(field median "$work/noop-pg"); ns=$(field median "$work/noop-sqlite")

echo "Godwit migration benchmark: $n migrations, $reps repetitions, medians in ms"
echo "machine: $(nproc) cores, $(psql -X -At -d postgres -c 'SHOW server_version'), $(java -version 2>&1 | head -1)"
echo "load average: $load_before before, $load_after after; SQLite floor: $SQLITE_FLOOR"
echo
echo "| measurement | median | target | |"
echo "|---|---|---|---|"
echo "| PostgreSQL floor, psql -1 -f | $p | | |"
echo "| PostgreSQL, godwit migrate (default: writes the snapshot) | $g ($(ratio "$g" "$p")x) | < 1.3x | $(verdict "$(ratio "$g" "$p")" 1.3) |"
echo "| PostgreSQL, median of the paired ratios godwit / psql | ${pr}x | < 1.3x | $(verdict "$pr" 1.3) |"
echo "| PostgreSQL, godwit migrate --snapshot off | $gn ($(ratio "$gn" "$p")x) | | |"
echo "| SQLite floor, $SQLITE_FLOOR one transaction | $f | | |"
echo "| SQLite, godwit migrate (default: writes the snapshot) | $s ($(ratio "$s" "$f")x) | | |"
echo "| no-op migrate, PostgreSQL, in process | $np (first $(field first "$work/noop-pg")) | < 300 | $(verdict "$np" 300) |"
echo "| no-op migrate, SQLite, in process | $ns (first $(field first "$work/noop-sqlite")) | < 300 | $(verdict "$ns" 300) |"
echo "| godwit --version, wall | $v | < 500 | $(verdict "$v" 500) |"
echo
echo "raw runs (ms):"
echo "  psql -1 -f:                  ${psql_ms[*]}"
echo "  godwit on PostgreSQL:        ${godwit_pg_ms[*]}"
echo "  paired ratio godwit / psql:  ${pair_ratio[*]} (median $(printf '%s\n' "${pair_ratio[@]}" | median))"
echo "  godwit --snapshot off on PG: ${godwit_pg_nosnap_ms[*]}"
echo "  SQLite floor, $SQLITE_FLOOR:     ${sqlite_floor_ms[*]}"
echo "  godwit on SQLite:            ${godwit_sqlite_ms[*]}"
for db in pg sqlite; do
  echo "  no-op $db: $(tr '\n' ' ' < "$work/noop-$db")($noop_runs runs after $noop_warmup warm-up)"
done
echo "  godwit --version:            ${version_ms[*]}"
