package dev.maas.model;

import java.util.List;

/**
 * Per-model limits of a tier; each list that is set replaces the tier's list of that kind for that
 * model.
 *
 * @param requests request rates for this model, or {@code null} to keep the tier's
 * @param tokens token rates for this model, or {@code null} to keep the tier's
 */
public record ModelLimits(List<Rate> requests, List<Rate> tokens) {

  public ModelLimits {
    requests = requests == null ? null : List.copyOf(requests);
    tokens = tokens == null ? null : List.copyOf(tokens);
  }
}
