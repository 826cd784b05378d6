package dev.maas.render.tokenservice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.maas.model.Limitador;
import dev.maas.model.MeteredEndpoints;
import dev.maas.model.Model;
import dev.maas.model.ModelRouting;
import dev.maas.model.Platform;
import dev.maas.model.Window;
import dev.maas.output.Yaml;
import dev.maas.tokenservice.config.ConfigFiles;
import dev.maas.tokenservice.config.JsonCodec;
import dev.maas.tokenservice.config.ModelEntry;
import dev.maas.tokenservice.config.QuotaEntry;
import dev.maas.tokenservice.config.ServiceConfig;
import dev.maas.tokenservice.config.TierEntry;
import java.io.IOException;
import java.util.Map;

/**
 * The token service's config file ({@code config.json}), rendered deterministically from the
 * platform: issuer, audience, lifetimes in seconds, tiers (spec order) and models (spec order). Its
 * shape is the {@link ServiceConfig} record the service reads back. A catalogue too large for one
 * ConfigMap is split over model shards ({@link ConfigFiles}).
 */
public final class TokenServiceConfig {

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

  private static final ObjectWriter WRITER = JSON.writer(PRETTY);

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
        platform.models().stream().map(TokenServiceConfig::model).toList(),
        quota(platform));
  }

  /**
   * The port of Limitador's HTTP API on the Service the limitador-operator makes (v0.17.1
   * api/v1alpha1/limitador_types.go line 34, {@code DefaultServiceHTTPPort}).
   */
  public static final int LIMITADOR_HTTP_PORT = 8080;

  /**
   * Limitador's HTTP API: the limitador-operator names the Service {@code limitador-<Limitador
   * name>} in the Limitador's namespace (v0.17.1 pkg/limitador/k8s_objects.go lines 177-179), and
   * the Kuadrant generator names the Limitador {@code limitador}.
   */
  public static String limitadorUrl(Platform platform) {
    Limitador settings =
        platform.limitador() != null ? platform.limitador() : new Limitador(null, 1, null);
    return "http://limitador-limitador."
        + settings.namespace()
        + ".svc.cluster.local:"
        + LIMITADOR_HTTP_PORT;
  }

  /**
   * Where the service reads quota: Limitador's HTTP API and the namespaces Kuadrant counts the
   * policies' limits in, each the namespaced name of the route the policy targets
   * (kuadrant-operator v1.5.2 internal/controller/ratelimit_workflow_helpers.go lines 66-68,
   * limitador_limits_reconciler.go line 151). The limits themselves are read from Limitador, so
   * editing one changes the policies only.
   */
  static QuotaEntry quota(Platform platform) {
    return new QuotaEntry(
        limitadorUrl(platform),
        platform.gateway().namespace() + "/" + ModelRouting.publicRouteName(platform),
        platform.tokens().namespace() + "/" + TokenServiceEndpoints.name(platform));
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

  /**
   * The config's files, file name to text: {@code config.json} alone, or with {@code
   * models-<n>.json} shards when the whole exceeds {@link ConfigFiles#MAX_FILE_BYTES}.
   */
  public static Map<String, String> files(Platform platform) {
    return ConfigFiles.split(of(platform), CODEC, ConfigFiles.MAX_FILE_BYTES);
  }

  /** The config as one file, whatever its size. */
  public static String render(Platform platform) {
    return CODEC.write(of(platform));
  }

  /**
   * Pretty-printed JSON ending in a newline. Of {@code modelShards} and {@code models}, only the
   * one that holds the models is written, so a config that fits one file reads as it always did.
   */
  static final JsonCodec CODEC =
      new JsonCodec() {
        @Override
        public String write(Object value) {
          try {
            if (!(value instanceof ServiceConfig config)) {
              return WRITER.writeValueAsString(value) + "\n";
            }
            ObjectNode tree = JSON.valueToTree(config);
            tree.remove(config.modelShards() == null ? "modelShards" : "models");
            return WRITER.writeValueAsString(tree) + "\n";
          } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the token service config", e);
          }
        }

        @Override
        public <T> T read(String text, Class<T> type) throws IOException {
          return JSON.readValue(text, type);
        }
      };
}
