package dev.maas.publish;

import dev.maas.output.ChangeType;
import java.util.List;

/** Writes the commit message: a count line, one line per object, and the provenance trailers. */
final class CommitMessage {

  /** Longer lists are cut, so a first publication of a big platform stays readable. */
  static final int MAX_LINES = 200;

  private CommitMessage() {}

  /**
   * E.g. {@code maas: acme: 2 added, 1 changed, 0 removed}, a blank line, {@code changed
   * TokenRateLimitPolicy acme-token-limits}..., a blank line, then {@code Maas-Spec-Hash:
   * sha256:<hash>}, {@code Maas-Plugin-Version: <v>} and, when the spec is in a Git work tree,
   * {@code Maas-Source-Commit: <sha>} (as Argo CD's source hydrator records the commit it hydrated
   * from).
   */
  static String of(
      String platform,
      ChangeSummary summary,
      String specHash,
      String pluginVersion,
      String sourceCommit) {
    StringBuilder message = new StringBuilder();
    message
        .append("maas: ")
        .append(platform)
        .append(": ")
        .append(summary.count(ChangeType.ADDED))
        .append(" added, ")
        .append(summary.count(ChangeType.CHANGED))
        .append(" changed, ")
        .append(summary.count(ChangeType.REMOVED))
        .append(" removed\n\n");
    List<ObjectChange> objects = summary.objects();
    objects.stream().limit(MAX_LINES).forEach(o -> message.append(o.line()).append('\n'));
    if (objects.size() > MAX_LINES) {
      message.append("... and ").append(objects.size() - MAX_LINES).append(" more\n");
    }
    String hash = specHash.startsWith("sha256:") ? specHash : "sha256:" + specHash;
    message
        .append('\n')
        .append("Maas-Spec-Hash: ")
        .append(hash)
        .append('\n')
        .append("Maas-Plugin-Version: ")
        .append(pluginVersion)
        .append('\n');
    if (sourceCommit != null) {
      message.append("Maas-Source-Commit: ").append(sourceCommit).append('\n');
    }
    return message.toString();
  }
}
