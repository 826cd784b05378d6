/**
 * YAML with file, line and column for every node (floor 0): what validation and diagnostics locate
 * errors with. May import {@code diag} only.
 */
package dev.maas.spec;
