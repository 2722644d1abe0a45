/**
 * Where a schema state comes from ({@link dev.godwit.source.SchemaSource}): a live database, a snapshot file, SQL
 * files loaded into a scratch database, or a migration directory (its snapshot, or the migrations replayed).
 * Imports migrate, dialect, diff, snapshot, model and error; never the facade.
 */
package dev.godwit.source;
