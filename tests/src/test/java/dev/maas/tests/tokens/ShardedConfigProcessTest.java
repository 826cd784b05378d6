package dev.maas.tests.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.maas.tests.synthetic.SyntheticSpecs;
import dev.maas.validate.SpecValidator;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built service, as its own process, reads a catalogue the compiler split over model shards,
 * and will not start when one of them is missing.
 */
class ShardedConfigProcessTest {

  private static final int MODELS = 3000;

  @TempDir Path dir;

  @Test
  void everyShardsModelsAreServedAndAMissingShardStopsTheStart() throws Exception {
    Path spec = dir.resolve("synth.yaml");
    Files.write(spec, SyntheticSpecs.bytes(MODELS, 3, 1));
    SpecValidator.Outcome outcome = new SpecValidator().validate(spec, "synth.yaml");
    assertNotNull(outcome.platform(), () -> outcome.diagnostics().toString());
    ServiceProcess.writeConfig(outcome.platform(), dir);
    List<String> shards;
    try (Stream<Path> files = Files.list(dir)) {
      shards =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.startsWith("models-"))
              .sorted()
              .toList();
    }
    assertTrue(shards.size() >= 2, shards::toString);
    ServiceProcess.writeSigningKey(
        dir.resolve("keys/2026-06-01.pem"), ServiceProcess.newSigningKey());

    try (ServiceProcess service = ServiceProcess.launch(ServiceProcess.serviceCommand(), dir)) {
      // tier-2, the top of three, may call every model; tier-0 every third.
      assertEquals(MODELS, models(service, "[\"tier-2-users\"]").size());
      JsonNode lowest = models(service, "[\"tier-0-users\"]");
      assertEquals((MODELS + 2) / 3, lowest.size());
      assertEquals(
          SyntheticSpecs.modelName(MODELS - 3), lowest.get(lowest.size() - 1).path("id").asText());
    }

    Files.delete(dir.resolve("models-2.json"));
    assertThrows(
        AssertionError.class, () -> ServiceProcess.launch(ServiceProcess.serviceCommand(), dir));
    String log = ServiceProcess.log(dir);
    assertTrue(log.contains("models-2.json is missing"), log);
  }

  private static JsonNode models(ServiceProcess service, String groups) throws Exception {
    HttpResponse<String> r =
        ServiceProcess.call(service.base(), "GET", "/v1/models", "ann", groups, null);
    assertEquals(200, r.statusCode(), r.body());
    return new ObjectMapper().readTree(r.body()).path("data");
  }
}
