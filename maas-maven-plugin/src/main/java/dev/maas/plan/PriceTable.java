package dev.maas.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.maas.output.GeneratedTree;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The prices and cost centres one side of a plan was generated with, read back from its price table
 * ConfigMap ({@code <platform>-price-table}): the base side has no spec, only its output.
 *
 * @param currency the models' currency, or {@code null} when no model has a price
 * @param perToken per priced model, the price of one token at the dearer of its input and output
 *     price
 * @param costCenters per tier that names one, its cost centre
 */
record PriceTable(
    String currency, Map<String, BigDecimal> perToken, Map<String, String> costCenters) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML =
      new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

  /** No prices. */
  static final PriceTable NONE = new PriceTable(null, Map.of(), Map.of());

  /** The table of {@code tree}, or {@link #NONE} when it has none. */
  static PriceTable of(GeneratedTree tree) {
    for (Map.Entry<String, byte[]> file : tree.files().entrySet()) {
      // The writer names a file after its kind and object:
      // base/configmap-<platform>-price-table.yaml.
      if (!file.getKey().startsWith("base/configmap-")
          || !file.getKey().endsWith("-price-table.yaml")) {
        continue;
      }
      try {
        JsonNode text = YAML.readTree(file.getValue()).path("data").path("prices.json");
        if (!text.isTextual()) {
          continue;
        }
        JsonNode table = JSON.readTree(text.asText());
        Map<String, BigDecimal> prices = new LinkedHashMap<>();
        table
            .path("models")
            .fields()
            .forEachRemaining(
                m ->
                    prices.put(
                        m.getKey(),
                        m.getValue()
                            .path("inputPerMillion")
                            .decimalValue()
                            .max(m.getValue().path("outputPerMillion").decimalValue())
                            .divide(MILLION, MathContext.DECIMAL64)));
        Map<String, String> costCenters = new LinkedHashMap<>();
        table
            .path("tiers")
            .fields()
            .forEachRemaining(
                t -> {
                  if (t.getValue().hasNonNull("costCenter")) {
                    costCenters.put(t.getKey(), t.getValue().path("costCenter").asText());
                  }
                });
        return new PriceTable(
            table.hasNonNull("currency") ? table.path("currency").asText() : null,
            prices,
            costCenters);
      } catch (IOException e) {
        return NONE;
      }
    }
    return NONE;
  }

  /** The price of one token of {@code model}; zero for a model without a price. */
  BigDecimal price(String model) {
    return perToken.getOrDefault(model, BigDecimal.ZERO);
  }
}
