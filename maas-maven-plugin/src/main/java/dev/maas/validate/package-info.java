/**
 * Validation (floor 2): the spec against the JSON Schema, then the semantic rules and lints on the
 * bound model, every finding located in the spec and coded from the catalogue; warnings a spec
 * suppresses, with a reason, are dropped here. May import {@code spec}, {@code model} and {@code
 * diag}.
 */
package dev.maas.validate;
