package dev.maas.tokenservice.config;

import java.util.Objects;

/**
 * One model as clients see it through the gateway.
 *
 * @param name the model's name
 * @param namespace where it runs
 * @param displayName what people read
 * @param url what clients call: an LLM's OpenAI base URL, a predictor's inference endpoint
 * @param inferencePath the path the platform's checks call
 */
public record ModelEntry(
    String name, String namespace, String displayName, String url, String inferencePath) {

  public ModelEntry {
    Objects.requireNonNull(name, "name");
    displayName = displayName == null ? name : displayName;
  }
}
