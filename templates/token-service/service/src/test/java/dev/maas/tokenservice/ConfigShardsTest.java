package dev.maas.tokenservice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maas.tokenservice.config.ConfigFiles;
import dev.maas.tokenservice.config.ModelEntry;
import dev.maas.tokenservice.config.ServiceConfig;
import dev.maas.tokenservice.json.ConfigCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service reads a catalogue split over model shards, and will not start on a partial one. */
class ConfigShardsTest {

  private static final int MODELS = 400;

  @TempDir Path dir;

  /** {@link TestService#CONFIG} with {@link #MODELS} more models, named {@code extra-<i>}. */
  private static ServiceConfig config(String suffix) {
    ServiceConfig c = TestService.CONFIG;
    List<ModelEntry> models = new ArrayList<>(c.models());
    for (int i = 0; i < MODELS; i++) {
      String name = "extra-" + i;
      models.add(new ModelEntry(name, "llm", "Extra " + i + suffix, "/llm/" + name + "/v1", null));
    }
    return new ServiceConfig(
        c.platform(),
        c.issuer(),
        c.audience(),
        c.defaultTTL(),
        c.maxTTL(),
        c.apiKeyMaxTTL(),
        c.tiers(),
        models,
        c.quota());
  }

  private static Map<String, String> files(ServiceConfig config) {
    return ConfigFiles.split(config, ConfigCodec.INSTANCE, 8 * 1024);
  }

  private void write(Map<String, String> files) throws Exception {
    for (Map.Entry<String, String> f : files.entrySet()) {
      Files.writeString(dir.resolve(f.getKey()), f.getValue());
    }
    KeyPair key = TestService.ecKeyPair();
    TestService.writePem(
        Files.createDirectories(dir.resolve("keys")).resolve("2026-06-01.pem"), key, key);
  }

  private TokenServiceApp start() throws IOException, InterruptedException {
    return TokenServiceApp.start(
        Settings.from(
            Map.of(
                "MAAS_CONFIG",
                dir.resolve("config.json").toString(),
                "MAAS_KEYS_DIR",
                dir.resolve("keys").toString(),
                "MAAS_STATE_DIR",
                dir.resolve("state").toString(),
                "MAAS_BIND_ADDRESS",
                "127.0.0.1",
                "MAAS_PORT",
                "0",
                "MAAS_METRICS_PORT",
                "0")),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyShardsModelsAreListedInSpecOrder() throws Exception {
    Map<String, String> files = files(config(""));
    assertTrue(files.size() > 3, () -> files.keySet().toString());
    write(files);
    try (TokenServiceApp app = start()) {
      HttpResponse<String> r =
          TestService.call(
              "http://127.0.0.1:" + app.port(),
              "GET",
              "/v1/models",
              "jane",
              TestService.ENTERPRISE,
              null,
              null);
      assertEquals(200, r.statusCode(), r.body());
      List<Object> ids =
          ((List<Map<String, Object>>) TestService.json(r).get("data"))
              .stream().map(m -> m.get("id")).toList();
      assertEquals(config("").models().stream().map(ModelEntry::name).toList(), ids);
    }
  }

  @Test
  void aMissingShardStopsTheStartAndIsNamed() throws Exception {
    write(files(config("")));
    Files.delete(dir.resolve("models-2.json"));
    IOException e = assertThrows(IOException.class, this::start);
    assertTrue(e.getMessage().contains("models-2.json is missing"), e.getMessage());
  }

  @Test
  void aShardOfAnotherCompilationStopsTheStart() throws Exception {
    write(files(config("")));
    Files.writeString(dir.resolve("models-1.json"), files(config(" v2")).get("models-1.json"));
    IOException e = assertThrows(IOException.class, this::start);
    assertTrue(e.getMessage().contains("models-1.json is not the shard"), e.getMessage());
  }
}
