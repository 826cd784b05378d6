/**
 * The {@code maas} command line (floor 6): the same api as the Maven goals, without Maven. May
 * import only {@code api} and {@code diag}.
 */
package dev.maas.cli;
