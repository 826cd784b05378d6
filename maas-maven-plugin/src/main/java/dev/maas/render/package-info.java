/**
 * The ordered stage list (floor 3): generators, then transformers, then read-only checks, from the
 * platform model to a manifest tree. May import {@code model}, {@code spec}, {@code output}, {@code
 * cel} and {@code diag}.
 */
package dev.maas.render;
