/**
 * Diffing two schema states into a plan, and writing a plan as the next migration file with up and down sections.
 * Imports source, migrate, dialect, plan, diff, snapshot, model and error; never the facade.
 */
package dev.godwit.generate;
