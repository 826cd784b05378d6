package dev.maas.render.tokenservice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.maas.model.MeteredEndpoints;
import dev.maas.model.Model;
import dev.maas.model.Platform;
import dev.maas.model.Tier;
import dev.maas.model.Window;

/**
 * The token service's config file ({@code config.json}), rendered deterministically from the platform:
 * issuer, audience, lifetimes in seconds, tiers (spec order) and models (spec order).
 */
public final class TokenServiceConfig {

  /** The ConfigMap key and file name of the config. */
  public static final String FILE_NAME = "config.json";

  private static final ObjectMapper JSON = new ObjectMapper();

  // A fixed "\n" indenter: Jackson's default follows the OS line separator, which would make output differ by OS.
  // Arrays stay on one line: a tier's model list of a thousand names one per line doubled the ConfigMap, which
  // Kubernetes caps at 1 MiB.
  private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
      .withObjectIndenter(new DefaultIndenter("  ", "\n"))
      .withArrayIndenter(DefaultPrettyPrinter.FixedSpaceIndenter.instance);

  private TokenServiceConfig() {}

  /** The config as a JSON tree. */
  public static ObjectNode tree(Platform platform) {
    ObjectNode root = JSON.createObjectNode();
    root.put("platform", platform.name());
    root.put("issuer", TokenServiceEndpoints.issuer(platform));
    root.put("audience", TokenServiceEndpoints.audience(platform));
    root.put("defaultTTL", Window.parse(platform.tokens().defaultTTL()).seconds());
    root.put("maxTTL", Window.parse(platform.tokens().maxTTL()).seconds());
    ArrayNode tiers = root.putArray("tiers");
    for (Tier t : platform.tiers()) {
      ObjectNode tier = tiers.addObject();
      tier.put("name", t.name());
      tier.put("displayName", t.displayName());
      tier.put("level", t.level());
      ArrayNode groups = tier.putArray("groups");
      t.groups().forEach(groups::add);
      if (t.models() == null) {
        tier.putNull("models"); // every model, including ones added later
      } else {
        ArrayNode models = tier.putArray("models");
        t.models().forEach(models::add);
      }
    }
    ArrayNode models = root.putArray("models");
    for (Model m : platform.models()) {
      ObjectNode model = models.addObject();
      model.put("name", m.name());
      model.put("namespace", m.namespace());
      model.put("displayName", m.displayName());
      // What the listing tells clients: an LLM's OpenAI base URL, a predictor's inference endpoint; and the path
      // the proof and the plan call.
      model.put("url", MeteredEndpoints.speaksOpenAi(m) ? m.pathPrefix() + "/v1" : MeteredEndpoints.primaryPath(m));
      model.put("inferencePath", MeteredEndpoints.primaryPath(m));
    }
    return root;
  }

  /** The config file's text: pretty-printed JSON ending in a newline. */
  public static String render(Platform platform) {
    try {
      return JSON.writer(PRETTY).writeValueAsString(tree(platform)) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the token service config", e);
    }
  }
}
