/**
 * The output contract (floor 1): the manifest tree (the bytes, and the documents parsed once from
 * them), the one YAML reader and writer, the layout (folders, names, patch suffix, provenance
 * annotations), the one object diff and the atomic writer. Imports no other floor.
 */
package dev.maas.output;
