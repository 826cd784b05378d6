/** The {@code maas} command line run through its launcher, in a pipe and in a pseudo-terminal. */
package dev.maas.tests.cli;
