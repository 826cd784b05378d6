package dev.maas.check.proof;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.maas.output.Yaml;
import dev.maas.tokenservice.config.ConfigFiles;
import dev.maas.tokenservice.config.JsonCodec;
import dev.maas.tokenservice.config.ServiceConfig;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The tiers and models as the token service is told them (its {@code
 * <platform>-token-service-config} ConfigMap): the only place a rendered tree names every tier, its
 * groups and its level.
 *
 * @param platform the platform's name
 * @param issuer the tokens' issuer
 * @param audience the tokens' audience
 * @param tiers the tiers in the order of the config
 * @param models the models in the order of the config
 * @param file where the config was read from
 */
public record Catalog(
    String platform,
    String issuer,
    String audience,
    List<TierEntry> tiers,
    List<ModelEntry> models,
    String file) {

  private static final ObjectMapper JSON = Yaml.JSON;

  /** Reads the config's records; the catalog never writes them. */
  private static final JsonCodec READER =
      new JsonCodec() {
        @Override
        public String write(Object value) {
          throw new UnsupportedOperationException("the catalog only reads the config");
        }

        @Override
        public <T> T read(String text, Class<T> type) throws IOException {
          return JSON.readValue(text, type);
        }
      };

  /**
   * One tier as the token service knows it.
   *
   * @param models the models it may call, {@code null} for every model
   */
  public record TierEntry(
      String name, String displayName, int level, List<String> groups, List<String> models) {}

  /**
   * One model: its name and namespace (its path on the gateway is {@code /<namespace>/<name>}).
   *
   * @param inferencePath the path a call of the model goes to; an older config names none, and then
   *     it is the chat completions endpoint under the model's prefix
   */
  public record ModelEntry(String name, String namespace, String inferencePath) {

    public ModelEntry {
      inferencePath =
          inferencePath == null || inferencePath.isEmpty()
              ? "/" + namespace + "/" + name + "/v1/chat/completions"
              : inferencePath;
    }

    /** The model's path prefix on the gateway. */
    public String pathPrefix() {
      return "/" + namespace + "/" + name;
    }
  }

  public Catalog {
    tiers = List.copyOf(tiers);
    models = List.copyOf(models);
  }

  /** The tier named {@code name}. */
  public Optional<TierEntry> tier(String name) {
    return tiers.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  /**
   * Reads the catalog from the one ConfigMap named {@code *-token-service-config} that holds a
   * {@code config.json}, and the models from its shards' ConfigMaps when it names shards; empty
   * when there is none or it, or a shard it names, cannot be read.
   */
  public static Optional<Catalog> read(GatewayObjects objects) {
    for (GatewayObjects.Located map : objects.ofKind("ConfigMap")) {
      JsonNode text = map.body().path("data").path("config.json");
      if (!map.name().endsWith("-token-service-config") || !text.isTextual()) {
        continue;
      }
      try {
        JsonNode config = JSON.readTree(text.asText());
        if (config.hasNonNull("modelShards")) {
          return joined(objects, map, text.asText());
        }
        List<TierEntry> tiers = new ArrayList<>();
        for (JsonNode tier : config.path("tiers")) {
          tiers.add(
              new TierEntry(
                  tier.path("name").asText(),
                  tier.path("displayName").asText(tier.path("name").asText()),
                  tier.path("level").asInt(),
                  strings(tier.path("groups")),
                  tier.path("models").isArray() ? strings(tier.path("models")) : null));
        }
        List<ModelEntry> models = new ArrayList<>();
        for (JsonNode model : config.path("models")) {
          models.add(
              new ModelEntry(
                  model.path("name").asText(),
                  model.path("namespace").asText(),
                  model.path("inferencePath").asText("")));
        }
        return Optional.of(
            new Catalog(
                config.path("platform").asText(),
                config.path("issuer").asText(),
                config.path("audience").asText(),
                tiers,
                models,
                map.file()));
      } catch (IOException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /**
   * The catalog of a split config: {@code config.json} joined with the shards it names, each from
   * the ConfigMap {@code <name>-models-<n>}; empty when one is missing or not the one named.
   */
  private static Optional<Catalog> joined(
      GatewayObjects objects, GatewayObjects.Located main, String text) throws IOException {
    Map<String, String> shards = new TreeMap<>();
    String prefix = main.name() + "-models-";
    for (GatewayObjects.Located map : objects.ofKind("ConfigMap")) {
      if (map.name().startsWith(prefix)) {
        map.body()
            .path("data")
            .fields()
            .forEachRemaining(f -> shards.put(f.getKey(), f.getValue().asText()));
      }
    }
    ServiceConfig config;
    try {
      config = ConfigFiles.join(READER.read(text, ServiceConfig.class), shards, READER);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return Optional.of(
        new Catalog(
            config.platform(),
            config.issuer(),
            config.audience(),
            config.tiers().stream()
                .map(
                    t ->
                        new TierEntry(t.name(), t.displayName(), t.level(), t.groups(), t.models()))
                .toList(),
            config.models().stream()
                .map(
                    m ->
                        new ModelEntry(
                            m.name(),
                            m.namespace(),
                            m.inferencePath() == null ? "" : m.inferencePath()))
                .toList(),
            main.file()));
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return List.copyOf(out);
  }
}
