#!/usr/bin/env bash
# A service that keeps its migrations in code and in a database table, and applies them at run time:
#   1. compile NotesService against the Godwit jar (which carries the SQLite driver);
#   2. run it on a fresh build/notes.db: it applies its built-in migrations, stores one more in the
#      godwit_migrations table as a running service would, applies that, and shows a second call doing nothing.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$here"

"$root/godwit" --version >/dev/null          # builds the CLI jar when it is missing or stale
rm -rf build && mkdir -p build/classes
jar="$root/godwit-cli/target/godwit.jar"
javac -d build/classes -cp "$jar" $(find src -name '*.java')
java -cp "$jar:build/classes" com.example.notes.NotesService
