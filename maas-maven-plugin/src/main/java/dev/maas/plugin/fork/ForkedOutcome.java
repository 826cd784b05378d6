package dev.maas.plugin.fork;

import dev.maas.diag.Diagnostic;
import java.util.List;

/**
 * What a forked {@code generate} answered: as much of the compiler's result as the goal prints, or
 * the failure that stopped it.
 *
 * @param diagnostics every diagnostic, in the compiler's order
 * @param upToDate whether the inputs were unchanged, so nothing was rendered or written
 * @param writeLines one line per platform folder written
 * @param failedWrite the message of a failed read or write of the machine's files, or {@code null}
 * @param crash what an unexpected exception said (its stack trace went to standard error), or
 *     {@code null}
 */
public record ForkedOutcome(
    List<Diagnostic> diagnostics,
    boolean upToDate,
    List<String> writeLines,
    String failedWrite,
    String crash) {}
