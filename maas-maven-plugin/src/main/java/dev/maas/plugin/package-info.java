/**
 * The Maven front end (floor 6): each goal snapshots the parameters it reads into one request and
 * makes one call of {@code api}. Maven takes parameters only from a Mojo and its superclasses, so
 * each set of goals that reads a parameter group shares a thin abstract base declaring it (specs,
 * compiling, Git); a goal extends the base of exactly the groups it reads, which {@code
 * GoalParametersReadTest} checks. May import only {@code api} and {@code diag} (to print the
 * diagnostics the api returns), besides Maven.
 */
package dev.maas.plugin;
