/** Fixtures the tests of several packages share: the repository's specs, validated and bound. */
package dev.maas.testing;
