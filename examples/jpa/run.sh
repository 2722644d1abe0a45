#!/usr/bin/env bash
# From two JPA entities to an applied migration, on SQLite, from a clean state:
#   1. compile the entities (the Godwit jar carries jakarta.persistence-api, so javac needs nothing else);
#   2. godwit generate --to jpa:com.example.shop --classpath build/classes  writes migrations/<id>_create_shop.sql;
#   3. godwit migrate applies it to build/shop.db.
# Run it again after changing an entity: generate writes only the difference.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
godwit="$root/godwit"
cd "$here"

"$godwit" --version >/dev/null          # builds the CLI when it is missing or stale
mkdir -p build/classes build/migrations
javac -d build/classes -cp "$root/godwit-cli/target/godwit.jar" $(find src -name '*.java')

settings=(--url jdbc:sqlite:build/shop.db --dir build/migrations --classpath build/classes)
echo "== generate the migration from the entities"
"$godwit" "${settings[@]}" generate "create shop" --to jpa:com.example.shop
echo "== the migration"
cat build/migrations/*_create_shop.sql
echo "== migrate"
"$godwit" "${settings[@]}" migrate
"$godwit" "${settings[@]}" status
echo "== in sync?"
"$godwit" "${settings[@]}" check --to jpa:com.example.shop
