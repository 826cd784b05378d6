/**
 * CEL, safely (floor 1): evaluation with dev.cel and escaping of names interpolated into
 * expressions. Imports no other floor.
 */
package dev.maas.cel;
