package dev.maas.tests.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.maas.model.Platform;
import dev.maas.tests.tokens.ServiceProcess;
import dev.maas.validate.SpecValidator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the token service generated from a spec whose free tier lists hostile groups ({@link
 * InjectionTest#HOSTILE_GROUPS}) and asks it for tokens: a caller gets a tier only for a group
 * string that is exactly one of the tier's groups; look-alikes, near misses and groups that spell
 * JSON or CEL get nothing more.
 */
class HostileGroupsTokenServiceTest {

  @TempDir static Path dir;

  private static Process process;
  private static String base;
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** Writes non-ASCII as \\u escapes: header values are ASCII. */
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

  @BeforeAll
  static void start() throws Exception {
    Path spec = dir.resolve("hostile-groups.yaml");
    Files.writeString(spec, InjectionTest.hostileSpec());
    SpecValidator.Outcome outcome = new SpecValidator().validate(spec, "hostile-groups.yaml");
    assertNotNull(outcome.platform(), outcome.diagnostics()::toString);
    Platform platform = outcome.platform();
    ServiceProcess.writeConfig(platform, dir);
    ServiceProcess.writeSigningKey(
        dir.resolve("keys/2026-01-01.pem"), ServiceProcess.newSigningKey());
    // The built service, started as the image's entrypoint starts it.
    ServiceProcess started = ServiceProcess.launch(ServiceProcess.serviceCommand(), dir);
    process = started.process();
    base = started.base();
  }

  @AfterAll
  static void stop() throws InterruptedException {
    ServiceProcess.stop(process);
  }

  private static String log() {
    return ServiceProcess.log(dir);
  }

  /** The tier a caller with {@code groups} gets, or the HTTP status when it gets none. */
  private static String tierOf(List<String> groups) throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base + "/v1/tokens"))
                .header("X-MaaS-Username", "mallory")
                .header("X-MaaS-Groups", JSON.writeValueAsString(groups))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 201) {
      return "HTTP " + r.statusCode();
    }
    return (String) JSON.readValue(r.body(), Map.class).get("tier");
  }

  @Test
  void eachHostileGroupGivesExactlyItsTierAndNearMissesGiveNone() throws Exception {
    for (String group : InjectionTest.HOSTILE_GROUPS) {
      assertEquals("free", tierOf(List.of(group)), group);
    }
    // A single group that spells two groups in JSON is one group: it does not reach premium or
    // enterprise.
    assertEquals("free", tierOf(List.of("premium-users\",\"acme:ml-admins")));
    assertEquals(
        "enterprise",
        tierOf(List.of("premium-users", "acme:ml-admins")),
        "the real groups still work");
    List<String> nearMisses =
        new ArrayList<>(
            List.of(
                "x\"||true||",
                "x",
                "true",
                "X\"||TRUE||\"",
                "x\" || true || \"",
                "premium-users ",
                " premium-users",
                "Premium-Users",
                "premium-users\u0000",
                "premium\u200b-users",
                "pr\u0435mium-users",
                "acme:ml-admins\n",
                "acme:ML-admins",
                "system:authenticated",
                "**",
                ".",
                "grüppe-ünïcöde",
                "",
                "\\\\",
                "nobody"));
    for (String miss : nearMisses) {
      assertEquals("HTTP 403", tierOf(List.of(miss)), "`" + miss + "` must match no tier");
    }
    assertEquals("HTTP 403", tierOf(List.of()), "no groups, no tier");
  }

  @Test
  void malformedGroupHeadersAreRefused() throws Exception {
    for (String header :
        List.of(
            "[\"premium-users\"",
            "{\"groups\":[\"premium-users\"]}",
            "[1,2]",
            "premium-users",
            "[\"premium-users\"] [\"acme:ml-admins\"]",
            "[[\"acme:ml-admins\"]]",
            "[null]")) {
      HttpResponse<String> r =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(base + "/v1/tokens"))
                  .header("X-MaaS-Username", "mallory")
                  .header("X-MaaS-Groups", header)
                  .POST(HttpRequest.BodyPublishers.noBody())
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertTrue(
          r.statusCode() == 400 || r.statusCode() == 403,
          header + " gave " + r.statusCode() + " " + r.body());
    }
  }
}
