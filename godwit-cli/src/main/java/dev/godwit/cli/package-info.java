/**
 * The {@code godwit} command line: picocli commands, one per verb, over the {@link dev.godwit.Godwit} facade, and
 * the resolution of flags, environment, {@code .env} and {@code godwit.toml} into one configuration.
 */
package dev.godwit.cli;
