package dev.maas.render.monitoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.maas.model.Model;
import dev.maas.model.Platform;
import dev.maas.model.Tier;
import dev.maas.render.EnvironmentInvariant;
import dev.maas.render.Generator;
import dev.maas.render.KubeObject;
import dev.maas.render.Manifests;
import java.util.List;

/**
 * Generates the price table: a ConfigMap with the models' prices and the tiers' cost centres,
 * labels and budgets, so that what a deployed platform charges can be read back from its output
 * (the plan's worst-case spend of the base side) and by chargeback tools. None when no model has a
 * price and no tier names a cost centre or labels.
 */
@EnvironmentInvariant(reads = "prices, tiers and the gateway namespace")
public final class PriceTableGenerator implements Generator {

  /** The ConfigMap key of the table. */
  public static final String FILE_NAME = "prices.json";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The ConfigMap's name for {@code platform}. */
  public static String name(String platform) {
    return platform + "-price-table";
  }

  @Override
  public List<KubeObject> generate(Platform platform) {
    boolean attributed =
        platform.tiers().stream()
            .anyMatch(
                t ->
                    t.attribution().costCenter() != null
                        || !t.attribution().labels().isEmpty()
                        || t.attribution().monthlyBudget() != null);
    if (platform.currency() == null && !attributed) {
      return List.of();
    }
    ObjectNode table = JSON.createObjectNode();
    if (platform.currency() != null) {
      table.put("currency", platform.currency());
    }
    ObjectNode models = table.putObject("models");
    for (Model model : platform.models()) {
      if (model.pricing() != null) {
        ObjectNode m = models.putObject(model.name());
        m.put("inputPerMillion", model.pricing().inputPerMillion());
        m.put("outputPerMillion", model.pricing().outputPerMillion());
      }
    }
    ObjectNode tiers = table.putObject("tiers");
    for (Tier tier : platform.tiers()) {
      ObjectNode t = tiers.putObject(tier.name());
      if (tier.attribution().costCenter() != null) {
        t.put("costCenter", tier.attribution().costCenter());
      }
      if (!tier.attribution().labels().isEmpty()) {
        ObjectNode labels = t.putObject("labels");
        tier.attribution().labels().forEach(labels::put);
      }
      if (tier.attribution().monthlyBudget() != null) {
        t.put("monthlyBudget", tier.attribution().monthlyBudget());
      }
    }
    KubeObject map =
        Manifests.object("v1", "ConfigMap", name(platform.name()), platform.gateway().namespace());
    try {
      String text =
          JSON.writer(
                      new DefaultPrettyPrinter()
                          .withObjectIndenter(new DefaultIndenter("  ", "\n")))
                  .writeValueAsString(table)
              + "\n";
      map.body().putObject("data").put(FILE_NAME, text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the price table", e);
    }
    return List.of(map);
  }
}
