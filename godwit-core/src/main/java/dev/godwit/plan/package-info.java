/**
 * Planning DDL: the {@link dev.godwit.plan.DdlWriter} hook each dialect implements, and the ordering of statements
 * by their dependencies ({@link dev.godwit.plan.CreateScript}). Imports {@code model} and {@code error} only.
 */
package dev.godwit.plan;
