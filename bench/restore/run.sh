#!/usr/bin/env bash
# Restore benchmark: pg_dump of a synthetic database (tables + views from bench/reflect/gen_schema.py, and one table
# of generated rows, written as COPY data), then `godwit restore` against `psql -f` of the same dump, alternating,
# each into a fresh database; once as written and once with --single-transaction (psql -1). Also checks that the two
# restored databases hold the same schema (`godwit diff`) and the same rows (a hash of the big table).
# Needs PostgreSQL at 127.0.0.1:5432 (user postgres), psql, createdb, dropdb, pg_dump, python3.
# Usage: bench/restore/run.sh [tables=700] [rows=500000] [runs=3]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
tables="${1:-700}"; rows="${2:-500000}"; runs="${3:-3}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
src="godwit_restore_src_$$"; a="godwit_restore_a_$$"; b="godwit_restore_b_$$"
work="$(mktemp -d /tmp/godwit-restore.XXXXXX)"
trap 'for d in "$src" "$a" "$b"; do dropdb --if-exists "$d" 2>/dev/null || true; done; rm -rf "$work"' EXIT
"$root/godwit" --version >/dev/null   # builds the CLI jar when stale
url() { echo "jdbc:postgresql://$PGHOST:$PGPORT/$1?user=$PGUSER"; }
now() { date +%s%N; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

createdb "$src"
python3 "$root/bench/reflect/gen_schema.py" postgres "$tables" "$(( tables / 10 ))" | psql -q -v ON_ERROR_STOP=1 -d "$src" >/dev/null
psql -q -d "$src" -c "CREATE TABLE big AS SELECT g AS id, md5(g::text) AS txt, now() AS at FROM generate_series(1, $rows) g" >/dev/null
pg_dump -d "$src" > "$work/dump.sql"
echo "dump: $(du -h "$work/dump.sql" | cut -f1), $(wc -l < "$work/dump.sql") lines, $tables tables, $rows rows of COPY data"

for mode in as-written single-transaction; do
  godwit_flag=(); psql_flag=()
  if [ "$mode" = single-transaction ]; then godwit_flag=(--single-transaction); psql_flag=(-1); fi
  g=(); p=()
  for _ in $(seq 1 "$runs"); do
    dropdb --if-exists "$a" 2>/dev/null; createdb "$a"; dropdb --if-exists "$b" 2>/dev/null; createdb "$b"
    start=$(now); "$root/godwit" -q --url "$(url "$a")" restore "${godwit_flag[@]}" "$work/dump.sql"; g+=($(( ($(now) - start) / 1000000 )))
    start=$(now); psql -q "${psql_flag[@]}" -v ON_ERROR_STOP=1 -d "$b" -f "$work/dump.sql" >/dev/null; p+=($(( ($(now) - start) / 1000000 )))
  done
  "$root/godwit" -q diff --exit-code --from "$(url "$a")" --to "$(url "$b")" >/dev/null || { echo "FAIL: the restored schemas differ"; exit 1; }
  ha=$(psql -Atd "$a" -c "SELECT md5(string_agg(txt, '' ORDER BY id)) FROM big"); hb=$(psql -Atd "$b" -c "SELECT md5(string_agg(txt, '' ORDER BY id)) FROM big")
  [ "$ha" = "$hb" ] || { echo "FAIL: the restored rows differ"; exit 1; }
  gm=$(printf '%s\n' "${g[@]}" | median); pm=$(printf '%s\n' "${p[@]}" | median)
  echo "$mode: godwit restore runs_ms=$(IFS=,; echo "${g[*]}") median=$gm; psql runs_ms=$(IFS=,; echo "${p[*]}") median=$pm; ratio $(awk -v g="$gm" -v p="$pm" 'BEGIN {printf "%.2f", g / p}'); same schema and rows"
done
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
