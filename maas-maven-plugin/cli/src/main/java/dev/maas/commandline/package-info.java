/** The {@code maas} command line: its root command, exit codes and shell completion. */
package dev.maas.commandline;
