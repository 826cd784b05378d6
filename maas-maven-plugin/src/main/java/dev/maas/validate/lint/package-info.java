/**
 * The lints: rules whose findings are warnings (a spec that is valid but likely wrong at run time),
 * declared like the semantic rules. May import {@code validate}, {@code validate.rules}, {@code
 * model}, {@code spec} and {@code diag}.
 */
package dev.maas.validate.lint;
