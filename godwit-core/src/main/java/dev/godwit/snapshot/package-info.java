/**
 * Snapshots: a catalog saved as canonical, versioned JSON at a migration revision, and read back. Imports
 * {@code model} and {@code error} only; it is the one place in core that uses a library beyond the JDK and slf4j,
 * jackson-core's streaming parser and generator (no databind, no transitive dependencies), so that JSON escaping
 * and parsing are not written by hand.
 */
package dev.godwit.snapshot;
