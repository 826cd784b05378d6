/**
 * The semantic rules: one small class per rule, its code derived from its class name and its
 * metadata in {@code @Rule}; each reports errors that a schema cannot express. May import {@code
 * validate}, {@code model}, {@code spec} and {@code diag}.
 */
package dev.maas.validate.rules;
