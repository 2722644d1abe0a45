/**
 * The facade: {@link dev.godwit.Godwit#configure()} builds a checked {@link dev.godwit.GodwitConfig} and gives a
 * {@link dev.godwit.Godwit} whose methods return results as records. The only package that wires the others.
 */
package dev.godwit;
