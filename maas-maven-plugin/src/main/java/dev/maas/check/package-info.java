/**
 * Read-only checks of the rendered output (floor 3): CRD schemas and CEL rules, object sizes, and
 * the policy proof. They read what {@code render} produced and never change it; they never import
 * {@code render}, so the proof cannot share the code paths that could hide the bug it looks for.
 * May import {@code model}, {@code spec}, {@code output}, {@code cel} and {@code diag}.
 */
package dev.maas.check;
