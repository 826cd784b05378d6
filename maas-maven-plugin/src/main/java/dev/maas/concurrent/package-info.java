/**
 * Waiting on work another thread does: its value, or what failed there thrown as it was thrown.
 * Imports nothing of maas.
 */
package dev.maas.concurrent;
