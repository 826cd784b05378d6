package dev.maas.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.maas.check.proof.AccessMatrix;
import dev.maas.check.proof.LimitMatch;
import dev.maas.output.ChangeType;
import dev.maas.output.Yaml;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Writes a plan as JSON with the same content as the Markdown, for bots and dashboards. */
final class JsonReport {

  private static final ObjectMapper JSON = Yaml.JSON;

  private JsonReport() {}

  static String render(PlanReport report) {
    ObjectNode root = JSON.createObjectNode();
    root.put("noChanges", report.noChanges());
    root.put("breaking", !report.breaking().isEmpty());
    ArrayNode platforms = root.putArray("platforms");
    for (PlatformPlan plan : report.platforms()) {
      ObjectNode p = platforms.addObject();
      p.put("platform", plan.platform());
      p.put("base", plan.base());
      p.put("noChanges", plan.noChanges());
      p.put("summary", plan.summary());
      ObjectNode counts = p.putObject("objects");
      counts.put("added", plan.count(ChangeType.ADDED));
      counts.put("changed", plan.count(ChangeType.CHANGED));
      counts.put("removed", plan.count(ChangeType.REMOVED));
      counts.put("provenanceOnly", plan.provenanceOnly());
      ArrayNode changes = p.putArray("changes");
      for (PolicyChange change : plan.changes()) {
        changes.addObject().put("text", change.text()).put("breaking", change.breaking());
      }
      p.set("matrix", matrix(plan));
      p.set("cost", plan.cost().json(JSON));
      ArrayNode objects = p.putArray("objectChanges");
      for (ObjectDelta delta : plan.objects()) {
        objects
            .addObject()
            .put("type", delta.type().word())
            .put("kind", delta.kind())
            .put("namespace", delta.namespace())
            .put("name", delta.name())
            .put("area", delta.area())
            .put("file", delta.file())
            .put("provenanceOnly", delta.provenanceOnly())
            .put("diff", delta.diff());
      }
    }
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }

  private static ObjectNode matrix(PlatformPlan plan) {
    AccessMatrix before = plan.before().matrix();
    AccessMatrix after = plan.after().matrix();
    Set<String> tiers = new LinkedHashSet<>();
    Set<String> models = new LinkedHashSet<>();
    for (AccessMatrix m : new AccessMatrix[] {after, before}) {
      if (m != null) {
        tiers.addAll(m.tiers());
        models.addAll(m.models());
      }
    }
    ObjectNode node = JSON.createObjectNode();
    tiers.forEach(node.putArray("tiers")::add);
    models.forEach(node.putArray("models")::add);
    ArrayNode cells = node.putArray("cells");
    for (String tier : tiers) {
      for (String model : models) {
        add(
            cells,
            tier,
            model,
            before == null ? null : before.cell(tier, model),
            after == null ? null : after.cell(tier, model));
      }
      add(
          cells,
          tier,
          MarkdownReport.LISTING,
          before == null ? null : before.listing().get(tier),
          after == null ? null : after.listing().get(tier));
    }
    return node;
  }

  private static void add(
      ArrayNode cells,
      String tier,
      String model,
      AccessMatrix.Cell before,
      AccessMatrix.Cell after) {
    ObjectNode cell = cells.addObject().put("tier", tier).put("model", model);
    cell.put(
        "changed",
        before == null || after == null ? before != after : !before.text().equals(after.text()));
    cell.set("before", cell(before));
    cell.set("after", cell(after));
  }

  private static ObjectNode cell(AccessMatrix.Cell cell) {
    if (cell == null) {
      return null;
    }
    ObjectNode node = JSON.createObjectNode();
    node.put("access", cell.access());
    node.put("text", cell.text());
    rates(node.putArray("requests"), cell.requestRates());
    rates(node.putArray("tokens"), cell.tokenRates());
    node.put("counter", cell.counter());
    return node;
  }

  private static void rates(ArrayNode out, List<LimitMatch.RateValue> rates) {
    rates.forEach(r -> out.addObject().put("limit", r.limit()).put("window", r.window()));
  }
}
