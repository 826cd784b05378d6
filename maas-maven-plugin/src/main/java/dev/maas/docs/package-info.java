/**
 * The generator of the spec reference (docs/spec-reference.md) from the schema: a build tool beside
 * the compiler. May import {@code validate}, {@code model}, {@code spec} and {@code diag}.
 */
package dev.maas.docs;
