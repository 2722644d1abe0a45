/**
 * Godwit's errors: one unchecked root ({@link dev.godwit.error.GodwitException}) carrying a stable
 * {@link dev.godwit.error.ErrorCode}, and the redaction of secrets from anything shown to a user.
 * Imports nothing else of Godwit's.
 */
package dev.godwit.error;
