/**
 * Work shared with other threads: a loop every waiting thread joins in, and the value of work done
 * elsewhere or what failed there, thrown as it was thrown. Imports nothing of maas.
 */
package dev.maas.concurrent;
