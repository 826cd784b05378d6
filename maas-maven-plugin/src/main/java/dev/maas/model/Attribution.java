package dev.maas.model;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Who a tier's usage is charged to, and at what monthly spend its owners want to hear of it.
 *
 * @param costCenter the cost centre, or {@code null}
 * @param labels free-form attribution labels, sorted by key
 * @param monthlyBudget the spend over 30 days at which an alert fires, in the models' currency, or
 *     {@code null}
 */
public record Attribution(String costCenter, Map<String, String> labels, BigDecimal monthlyBudget) {

  /** The metric label that carries the cost centre. */
  public static final String COST_CENTER_LABEL = "cost_center";

  public Attribution {
    labels = labels == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(labels));
  }

  /** No attribution. */
  public static Attribution none() {
    return new Attribution(null, Map.of(), null);
  }
}
