/**
 * The Maven front end (floor 6): Mojos that declare the parameters they read, turn them into one
 * request and make one call of {@code api}. May import only {@code api} and {@code diag} (to print
 * the diagnostics the api returns), besides Maven.
 */
package dev.maas.plugin;
