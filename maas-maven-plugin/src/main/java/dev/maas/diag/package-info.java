/**
 * Diagnostics (floor 0): a located {@code Diagnostic}, its severity and location, the one catalogue
 * of codes every stage reports under, and the hints shared by all. Every floor uses it, so it
 * imports nothing of the project.
 */
package dev.maas.diag;
