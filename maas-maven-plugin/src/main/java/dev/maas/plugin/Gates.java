package dev.maas.plugin;

/**
 * What makes a goal fail besides errors.
 *
 * @param failOnWarning a warning fails the build, as an error does
 * @param failOnBreaking a breaking change in a plan fails the build
 */
record Gates(boolean failOnWarning, boolean failOnBreaking) {}
