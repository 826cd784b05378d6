package dev.maas.render.tokenservice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.maas.model.MeteredEndpoints;
import dev.maas.model.Model;
import dev.maas.model.Platform;
import dev.maas.model.Window;
import dev.maas.output.Yaml;
import dev.maas.tokenservice.config.ModelEntry;
import dev.maas.tokenservice.config.ServiceConfig;
import dev.maas.tokenservice.config.TierEntry;

/**
 * The token service's config file ({@code config.json}), rendered deterministically from the
 * platform: issuer, audience, lifetimes in seconds, tiers (spec order) and models (spec order). Its
 * shape is the {@link ServiceConfig} record the service reads back.
 */
public final class TokenServiceConfig {

  /** The ConfigMap key and file name of the config. */
  public static final String FILE_NAME = "config.json";

  private static final ObjectMapper JSON = Yaml.JSON;

  // A fixed "\n" indenter: Jackson's default follows the OS line separator, which would make output
  // differ by OS.
  // Arrays stay on one line: a tier's model list of a thousand names one per line doubled the
  // ConfigMap, which
  // Kubernetes caps at 1 MiB.
  private static final DefaultPrettyPrinter PRETTY =
      new DefaultPrettyPrinter()
          .withObjectIndenter(new DefaultIndenter("  ", "\n"))
          .withArrayIndenter(DefaultPrettyPrinter.FixedSpaceIndenter.instance);

  private TokenServiceConfig() {}

  /** The config as the record both sides share. */
  public static ServiceConfig of(Platform platform) {
    return new ServiceConfig(
        platform.name(),
        TokenServiceEndpoints.issuer(platform),
        TokenServiceEndpoints.audience(platform),
        Window.parse(platform.tokens().defaultTTL()).seconds(),
        Window.parse(platform.tokens().maxTTL()).seconds(),
        Window.parse(platform.tokens().apiKeyMaxTTL()).seconds(),
        // A tier without a model list may use every model, including ones added later: its models
        // stay null.
        platform.tiers().stream()
            .map(t -> new TierEntry(t.name(), t.displayName(), t.level(), t.groups(), t.models()))
            .toList(),
        platform.models().stream().map(TokenServiceConfig::model).toList());
  }

  /**
   * What the listing tells clients: an LLM's OpenAI base URL, a predictor's inference endpoint; and
   * the path the proof and the plan call.
   */
  private static ModelEntry model(Model m) {
    return new ModelEntry(
        m.name(),
        m.namespace(),
        m.displayName(),
        MeteredEndpoints.speaksOpenAi(m) ? m.pathPrefix() + "/v1" : MeteredEndpoints.primaryPath(m),
        MeteredEndpoints.primaryPath(m));
  }

  /** The config file's text: pretty-printed JSON ending in a newline. */
  public static String render(Platform platform) {
    try {
      return JSON.writer(PRETTY).writeValueAsString(of(platform)) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the token service config", e);
    }
  }
}
