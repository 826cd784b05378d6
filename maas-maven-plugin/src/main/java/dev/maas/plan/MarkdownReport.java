package dev.maas.plan;

import dev.maas.check.proof.AccessMatrix;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes a plan as GitHub-flavoured Markdown: summary, changes in words, access matrix, diagram,
 * object diffs.
 */
final class MarkdownReport {

  /** The matrix column of the model listing. */
  static final String LISTING = "GET /v1/models";

  private MarkdownReport() {}

  static String render(PlanReport report) {
    StringBuilder out = new StringBuilder("# maas plan\n");
    if (report.platforms().isEmpty()) {
      out.append("\nNo platform: no changes.\n");
    }
    for (PlatformPlan plan : report.platforms()) {
      platform(plan, out);
    }
    return out.toString();
  }

  private static void platform(PlatformPlan plan, StringBuilder out) {
    out.append("\n## ").append(Markdown.text(plan.platform())).append("\n\n");
    // The base is the build's own setting (maas.plan.base and the Git URL), never spec text.
    out.append("Compared with ").append(plan.base()).append(".\n\n");
    out.append("**Summary:** ").append(plan.summary());
    if (plan.provenanceOnly() > 0) {
      out.append(" (")
          .append(plan.provenanceOnly())
          .append(plan.provenanceOnly() == 1 ? " object differs" : " objects differ")
          .append(" only in provenance annotations)");
    }
    out.append(".\n");
    List<PolicyChange> breaking = plan.breaking();
    if (!breaking.isEmpty()) {
      out.append("\n> [!WARNING]\n> ")
          .append(breaking.size())
          .append(breaking.size() == 1 ? " breaking change" : " breaking changes")
          .append(": callers may be refused what they get today.\n");
    }

    out.append("\n### Changes\n\n");
    if (plan.changes().isEmpty()) {
      out.append("No change of tiers, models, access or limits.\n");
    }
    for (PolicyChange change : plan.changes()) {
      out.append("- ")
          .append(change.markdown())
          .append(change.breaking() ? " — **breaking**" : "")
          .append('\n');
    }

    out.append("\n### Access matrix\n\n");
    matrix(plan, out);
    plan.cost().markdown(out);

    String diagram = Mermaid.diagram(plan);
    String diagramFence = Markdown.fence(diagram);
    out.append("\n### Tiers, models and limits\n\n")
        .append(diagramFence)
        .append("mermaid\n")
        .append(diagram)
        .append(diagramFence)
        .append('\n');

    List<ObjectDelta> shown = plan.objects().stream().filter(o -> !o.provenanceOnly()).toList();
    out.append("\n### Objects\n\n");
    if (shown.isEmpty()) {
      out.append("No object changes.\n");
    }
    for (ObjectDelta delta : shown) {
      // A diff holds spec text: a fence longer than any run of backticks in it is never closed
      // early.
      String fence = Markdown.fence(delta.diff());
      out.append("<details><summary>")
          .append(delta.type().word())
          .append(' ')
          .append(escape(delta.title()))
          .append("</summary>\n\n")
          .append(fence)
          .append("diff\n")
          .append(delta.diff());
      if (!delta.diff().endsWith("\n")) {
        out.append('\n');
      }
      out.append(fence).append("\n\n</details>\n\n");
    }
  }

  private static void matrix(PlatformPlan plan, StringBuilder out) {
    AccessMatrix before = plan.before().matrix();
    AccessMatrix after = plan.after().matrix();
    if (before == null && after == null) {
      out.append("No tiers or models on either side.\n");
      return;
    }
    Set<String> tiers = new LinkedHashSet<>();
    Set<String> models = new LinkedHashSet<>();
    if (after != null) {
      tiers.addAll(after.tiers());
      models.addAll(after.models());
    }
    if (before != null) {
      tiers.addAll(before.tiers());
      models.addAll(before.models());
    }
    List<String> header = new ArrayList<>(List.of("tier \\ model"));
    header.addAll(models);
    header.add(LISTING);
    out.append("| ").append(String.join(" | ", header)).append(" |\n");
    out.append("|").append("---|".repeat(header.size())).append('\n');
    for (String tier : tiers) {
      List<String> row = new ArrayList<>(List.of("**" + tier + "**"));
      for (String model : models) {
        row.add(
            cell(
                before == null ? null : before.cell(tier, model),
                after == null ? null : after.cell(tier, model)));
      }
      row.add(
          cell(
              before == null ? null : before.listing().get(tier),
              after == null ? null : after.listing().get(tier)));
      out.append("| ").append(String.join(" | ", row)).append(" |\n");
    }
    out.append("\nChanged cells show ~~before~~ → **after**.\n");
  }

  /** One cell of the matrix, before and after. */
  static String cell(AccessMatrix.Cell before, AccessMatrix.Cell after) {
    if (before == null && after == null) {
      return "—";
    }
    if (before == null) {
      return "**" + after.text() + "** (new)";
    }
    if (after == null) {
      return "~~" + before.text() + "~~ (removed)";
    }
    return before.text().equals(after.text())
        ? after.text()
        : "~~" + before.text() + "~~ → **" + after.text() + "**";
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
