package dev.maas.tokenservice.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Splitting the config over files of bounded size and joining them back. */
class ConfigFilesTest {

  /** Indented as the compiler writes, so that the size estimate meets nesting. */
  private static final JsonCodec PRETTY = codec(true);

  private static final JsonCodec COMPACT = codec(false);

  private static final int BOUND = 16 * 1024;

  private static JsonCodec codec(boolean indent) {
    ObjectMapper json = new ObjectMapper().configure(SerializationFeature.INDENT_OUTPUT, indent);
    return new JsonCodec() {
      @Override
      public String write(Object value) {
        try {
          return json.writeValueAsString(value) + "\n";
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      @Override
      public <T> T read(String text, Class<T> type) throws IOException {
        return json.readValue(text, type);
      }
    };
  }

  private static ServiceConfig config(int models) {
    List<ModelEntry> entries = new ArrayList<>();
    List<String> even = new ArrayList<>();
    for (int i = 0; i < models; i++) {
      String name = "model-" + i;
      // Non-ASCII display names: the bound is in bytes, not characters.
      entries.add(
          new ModelEntry(name, "ns", "Modèle " + i + " ✓", "/ns/" + name + "/v1", "/ns/" + name));
      if (i % 2 == 0) {
        even.add(name);
      }
    }
    return new ServiceConfig(
        "acme",
        "http://issuer",
        "maas:acme",
        60,
        3600,
        3600,
        List.of(
            new TierEntry("free", null, 0, List.of("everyone"), even),
            new TierEntry("gold", "Gold", 10, List.of("gold"), null)),
        entries,
        new QuotaEntry("http://limitador", "gw/models", "maas/api"));
  }

  private static int bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }

  @Test
  void aConfigUnderTheBoundIsOneFileAsBefore() {
    ServiceConfig small = config(3);
    Map<String, String> files = ConfigFiles.split(small, PRETTY, BOUND);
    assertEquals(List.of("config.json"), List.copyOf(files.keySet()));
    assertEquals(PRETTY.write(small), files.get("config.json"));
  }

  @Test
  void aLargeCatalogueIsSplitIntoShardsUnderTheBoundAndJoinsBackToTheSameConfig()
      throws IOException {
    for (JsonCodec codec : List.of(PRETTY, COMPACT)) {
      ServiceConfig large = config(600);
      Map<String, String> files = ConfigFiles.split(large, codec, BOUND);
      assertTrue(files.size() > 3, () -> files.keySet().toString());
      List<String> expected = new ArrayList<>(List.of("config.json"));
      for (int n = 1; n < files.size(); n++) {
        expected.add("models-" + n + ".json");
      }
      assertEquals(expected, List.copyOf(files.keySet()));
      files.forEach(
          (name, text) ->
              assertTrue(bytes(text) <= BOUND, () -> name + " has " + bytes(text) + " bytes"));
      ServiceConfig main = codec.read(files.get("config.json"), ServiceConfig.class);
      assertTrue(main.models().isEmpty(), "the main file holds no model");
      assertEquals(List.of(), main.tier("free").orElseThrow().models(), "nor a tier's list");
      assertNull(main.tier("gold").orElseThrow().models(), "every model stays every model");
      ModelShard first = codec.read(files.get("models-1.json"), ModelShard.class);
      assertEquals(List.of("free"), List.copyOf(first.tierModels().keySet()));
      assertEquals(
          first.models().stream().map(ModelEntry::name).filter(n -> n.endsWith("0")).toList(),
          first.tierModels().get("free").stream().filter(n -> n.endsWith("0")).toList(),
          "the tier's list, cut to the shard's models");
      assertEquals(files.size() - 1, main.modelShards().size());
      assertEquals(
          600, main.modelShards().stream().mapToInt(ShardRef::models).sum(), "every model counted");

      ServiceConfig joined = ConfigFiles.join(main, shardsOf(files), codec);
      assertEquals(large, joined);
      assertNull(joined.modelShards());
      assertEquals(
          300, joined.modelsOf(joined.tier("free").orElseThrow()).size(), "tiers see all shards");
    }
  }

  @Test
  void shardsAreFilledCloseToTheBound() {
    Map<String, String> files = ConfigFiles.split(config(600), PRETTY, BOUND);
    List<String> shards = List.copyOf(shardsOf(files).values());
    // Every shard but the last leaves less than two models' worth of the bound unused.
    for (String shard : shards.subList(0, shards.size() - 1)) {
      assertTrue(bytes(shard) > BOUND - 2 * 250, () -> "only " + bytes(shard) + " bytes");
    }
  }

  @Test
  void theSameConfigGivesTheSameFiles() {
    assertEquals(
        ConfigFiles.split(config(600), PRETTY, BOUND),
        ConfigFiles.split(config(600), PRETTY, BOUND));
  }

  @Test
  void oneMoreModelChangesTheLastShardAndItsHashInTheMainFileOnly() throws IOException {
    Map<String, String> before = ConfigFiles.split(config(600), PRETTY, BOUND);
    Map<String, String> after = ConfigFiles.split(config(601), PRETTY, BOUND);
    assertEquals(before.keySet(), after.keySet());
    String last = "models-" + (before.size() - 1) + ".json";
    for (String name : before.keySet()) {
      boolean changes = name.equals("config.json") || name.equals(last);
      assertEquals(changes, !before.get(name).equals(after.get(name)), name);
    }
  }

  @Test
  void aMissingShardIsAnErrorThatNamesIt() throws IOException {
    Map<String, String> files = ConfigFiles.split(config(600), PRETTY, BOUND);
    Map<String, String> shards = shardsOf(files);
    shards.remove("models-2.json");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> ConfigFiles.join(mainOf(files), shards, PRETTY));
    assertTrue(e.getMessage().startsWith("models-2.json is missing"), e.getMessage());
  }

  @Test
  void aShardOfAnotherCompilationOrOneNotNamedIsAnError() throws IOException {
    Map<String, String> files = ConfigFiles.split(config(600), PRETTY, BOUND);
    Map<String, String> other = ConfigFiles.split(config(601), PRETTY, BOUND);
    String last = "models-" + (files.size() - 1) + ".json";
    Map<String, String> stale = shardsOf(files);
    stale.put(last, other.get(last));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> ConfigFiles.join(mainOf(files), stale, PRETTY));
    assertTrue(e.getMessage().contains("different compilations"), e.getMessage());

    Map<String, String> extra = shardsOf(files);
    extra.put("models-" + files.size() + ".json", other.get(last));
    e =
        assertThrows(
            IllegalArgumentException.class, () -> ConfigFiles.join(mainOf(files), extra, PRETTY));
    assertTrue(e.getMessage().startsWith("models-" + files.size() + ".json is present"));

    ServiceConfig single = config(3);
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ConfigFiles.join(single, Map.of("models-1.json", "{}"), PRETTY));
    assertTrue(e.getMessage().contains("names no model shards"), e.getMessage());
  }

  @Test
  void aModelInTwoShardsIsAnError() throws IOException {
    ModelEntry twice = config(1).models().get(0);
    Map<String, List<String>> free = Map.of("free", List.of());
    String one = PRETTY.write(new ModelShard(1, 2, List.of(twice), free));
    String two = PRETTY.write(new ModelShard(2, 2, List.of(twice), free));
    ServiceConfig base = config(1);
    ServiceConfig main =
        base.withTiersAndModels(
            base.tiers(),
            List.of(),
            List.of(
                new ShardRef("models-1.json", 1, ConfigFiles.sha256(one)),
                new ShardRef("models-2.json", 1, ConfigFiles.sha256(two))));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ConfigFiles.join(main, Map.of("models-1.json", one, "models-2.json", two), PRETTY));
    assertEquals("model model-0 is in both models-1.json and models-2.json", e.getMessage());
  }

  @Test
  void aShardWithoutATiersListIsAnError() throws IOException {
    ModelEntry only = config(1).models().get(0);
    String shard = PRETTY.write(new ModelShard(1, 1, List.of(only), Map.of()));
    ServiceConfig base = config(1);
    ServiceConfig main =
        base.withTiersAndModels(
            base.tiers(),
            List.of(),
            List.of(new ShardRef("models-1.json", 1, ConfigFiles.sha256(shard))));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ConfigFiles.join(main, Map.of("models-1.json", shard), PRETTY));
    assertEquals(
        "models-1.json lists the models of tiers []; config.json has model lists for [free]",
        e.getMessage());
  }

  @Test
  void aModelLargerThanTheBoundIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> ConfigFiles.split(config(600), PRETTY, 200));
    assertTrue(e.getMessage().startsWith("model model-0 alone takes"), e.getMessage());
  }

  @Test
  void aDirectoryIsReadWithItsShardsAndAMissingShardStopsTheRead(@TempDir Path dir)
      throws IOException {
    Map<String, String> files = ConfigFiles.split(config(600), PRETTY, BOUND);
    for (Map.Entry<String, String> f : files.entrySet()) {
      Files.writeString(dir.resolve(f.getKey()), f.getValue());
    }
    Files.writeString(dir.resolve("models.json.bak"), "not a shard");
    assertEquals(config(600), ConfigFiles.read(dir.resolve("config.json"), PRETTY));

    Files.delete(dir.resolve("models-1.json"));
    IOException e =
        assertThrows(IOException.class, () -> ConfigFiles.read(dir.resolve("config.json"), PRETTY));
    assertTrue(e.getMessage().contains("models-1.json is missing"), e.getMessage());
    assertTrue(e.getMessage().startsWith(dir.toString()), e.getMessage());
  }

  private static ServiceConfig mainOf(Map<String, String> files) throws IOException {
    return PRETTY.read(files.get("config.json"), ServiceConfig.class);
  }

  private static Map<String, String> shardsOf(Map<String, String> files) {
    Map<String, String> shards = new LinkedHashMap<>(files);
    shards.remove("config.json");
    return shards;
  }
}
