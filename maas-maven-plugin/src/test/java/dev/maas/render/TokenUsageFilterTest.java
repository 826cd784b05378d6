package dev.maas.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.maas.diag.Diagnostic;
import dev.maas.model.Platform;
import dev.maas.output.GeneratedTree;
import dev.maas.output.Yaml;
import dev.maas.render.logs.AccessLogGenerator;
import dev.maas.validate.SpecValidator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Lua filter of the access logs' EnvoyFilter, run as Envoy runs it: the script taken from the
 * generated object, executed by LuaJIT (Envoy's Lua runtime) through Envoy's entry points {@code
 * envoy_on_request} and {@code envoy_on_response}, with a stand-in for the parts of Envoy's Lua API
 * it calls (src/test/resources/lua/envoy-lua-harness.lua). The dynamic metadata it leaves is what
 * the access log's {@code %DYNAMIC_METADATA(maas.usage:...)%} labels print.
 */
class TokenUsageFilterTest {

  private static final Path LUAJIT = Path.of("/usr/bin/luajit");
  private static final String SPEC = "tests/corpus/valid/access-logs.yaml";
  private static final String FILTER = "base/envoyfilter-acme-token-usage.yaml";
  private static final String TELEMETRY = "base/telemetry-acme-access-logs.yaml";
  private static final Pattern DYNAMIC_METADATA =
      Pattern.compile("%DYNAMIC_METADATA\\(([^:()]+):([^:()]+)\\)%");
  private static final String CHAT = "/llm/granite-8b/v1/chat/completions";
  private static final String EMBEDDINGS = "/llm/granite-8b/v1/embeddings";
  private static final String GRANITE = "model=granite-8b";

  private static String script;

  /** The dynamic metadata namespace that the access log's labels read. */
  private static String namespace;

  @TempDir static Path dir;

  @BeforeAll
  static void render() {
    SpecValidator.Outcome outcome =
        new SpecValidator().validate(Fixtures.repoRoot().resolve(SPEC), SPEC);
    assertEquals(List.of(), outcome.diagnostics().stream().map(Diagnostic::render).toList());
    Platform platform = outcome.platform();
    GeneratedTree tree = Fixtures.render(platform);
    JsonNode patch = Fixtures.object(tree, FILTER).path("spec").path("configPatches").path(0);
    JsonNode config = patch.path("patch").path("value").path("typed_config");
    assertEquals(
        "type.googleapis.com/envoy.extensions.filters.http.lua.v3.Lua",
        config.path("@type").asText());
    script = config.path("default_source_code").path("inline_string").asText();
    // What the mesh provider on the Telemetry reads: each key the script writes, in one namespace.
    JsonNode labels =
        Yaml.read(
                Fixtures.object(tree, TELEMETRY)
                    .path("metadata")
                    .path("annotations")
                    .path(AccessLogGenerator.MESH_PROVIDER_ANNOTATION)
                    .asText())
            .path("meshConfig")
            .path("extensionProviders")
            .path(0)
            .path("envoyOtelAls")
            .path("logFormat")
            .path("labels");
    Set<String> namespaces = new TreeSet<>();
    for (String key : List.of("model", "prompt_tokens", "completion_tokens", "total_tokens")) {
      Matcher read = DYNAMIC_METADATA.matcher(labels.path(key).asText());
      assertTrue(read.matches(), () -> "the access log reads " + key + " from dynamic metadata");
      assertEquals(key, read.group(2), "the label " + key + " reads the key " + key);
      namespaces.add(read.group(1));
    }
    assertEquals(1, namespaces.size(), "one namespace: " + namespaces);
    namespace = namespaces.iterator().next();
  }

  @Test
  void aJsonAnswerGivesItsCountsWhereverTheChunksSplitIt() throws Exception {
    // The content quotes a usage object: inside a JSON string its quotes are escaped, so it is
    // text.
    String body =
        "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"model\":\"granite-8b\","
            + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
            + "\"say \\\"usage\\\": {\\\"total_tokens\\\": 999} and { braces }\"}}],"
            + "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":30,\"total_tokens\":42,"
            + "\"prompt_tokens_details\":{\"cached_tokens\":4}}}";
    assertEquals(List.of(counts(12, 30, 42)), run(CHAT, "application/json", body, "splits"));
  }

  @Test
  void aStreamGivesTheCountsOfItsLastUsageEvent() throws Exception {
    StringBuilder body = new StringBuilder();
    for (String word : List.of("Hello", " there", "!")) {
      body.append(
              "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,")
          .append("\"delta\":{\"content\":\"")
          .append(word)
          .append("\"}}],\"usage\":null}\n\n");
    }
    body.append("data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[],")
        .append("\"usage\":{\"prompt_tokens\":7,\"total_tokens\":10,\"completion_tokens\":3}}\n\n")
        .append("data: [DONE]\n\n");
    String expected = counts(7, 3, 10);
    assertEquals(
        List.of(expected),
        run(CHAT, "text/event-stream; charset=utf-8", body.toString(), "splits"));
    assertEquals(List.of(expected), run(CHAT, "text/event-stream", body.toString(), "5"));
  }

  @Test
  void continuousUsageEndsWithTheLastCounts() throws Exception {
    String body =
        "data: {\"choices\":[{\"delta\":{\"content\":\"a\"}}],\"usage\":{\"prompt_tokens\":7,"
            + "\"completion_tokens\":1,\"total_tokens\":8}}\n\n"
            + "data: {\"choices\":[{\"delta\":{\"content\":\"b\"}}],\"usage\":{\"prompt_tokens\":7,"
            + "\"completion_tokens\":2,\"total_tokens\":9}}\n\n"
            + "data: [DONE]\n\n";
    assertEquals(List.of(counts(7, 2, 9)), run(CHAT, "text/event-stream", body, "16"));
  }

  @Test
  void theResponsesApiCountsInputAndOutputTokens() throws Exception {
    String body =
        "event: response.created\n"
            + "data: {\"type\":\"response.created\",\"response\":{\"id\":\"r\",\"usage\":null}}\n\n"
            + "event: response.completed\n"
            + "data: {\"type\":\"response.completed\",\"response\":{\"id\":\"r\",\"usage\":"
            + "{\"input_tokens\":5,\"input_tokens_details\":{\"cached_tokens\":0},"
            + "\"output_tokens\":8,\"output_tokens_details\":{\"reasoning_tokens\":2},"
            + "\"total_tokens\":13}}}\n\n";
    assertEquals(
        List.of(counts(5, 8, 13)),
        run("/llm/granite-8b/v1/responses", "text/event-stream", body, "splits"));
  }

  @Test
  void embeddingsHavePromptTokensOnly() throws Exception {
    // A long vector before the usage: only the last 2048 bytes are kept between chunks.
    String vector =
        IntStream.range(0, 40_000).mapToObj(i -> "0.0" + i % 97).collect(Collectors.joining(","));
    String body =
        "{\"object\":\"list\",\"data\":[{\"object\":\"embedding\",\"index\":0,\"embedding\":["
            + vector
            + "]}],\"model\":\"granite-8b\",\"usage\":{\"prompt_tokens\":9,\"total_tokens\":9}}";
    assertEquals(List.of(counts(9, 0, 9)), run(EMBEDDINGS, "application/json", body, "16384"));
  }

  @Test
  void aResponseWithoutUsageLeavesTheCountsOut() throws Exception {
    // A 429 from the rate limit, a model's error, a predictor's answer: the model, no counts.
    assertEquals(
        List.of(GRANITE),
        run(CHAT, "application/json", "{\"error\":\"Too Many Requests\"}", "splits"));
    assertEquals(
        List.of("model=mnist"),
        run("/ml/mnist/v1/models/mnist:predict", "application/json", "{\"predictions\":[7]}", "4"));
    // An unfinished usage object counts nothing.
    assertEquals(
        List.of(GRANITE),
        run(CHAT, "application/json", "{\"usage\":{\"prompt_tokens\":1,\"total_tokens\":", "8"));
  }

  @Test
  void onlyModelCallsAnsweredInJsonOrEventsAreRead() throws Exception {
    String usage = "{\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1,\"total_tokens\":2}}";
    // The model listing and the MaaS API are not model calls.
    assertEquals(List.of(""), run("/v1/models", "application/json", usage, "8"));
    assertEquals(List.of(""), run("/maas-api/v1/tokens", "application/json", usage, "8"));
    // A model call answered in another type is not read.
    assertEquals(List.of(GRANITE), run(CHAT, "text/plain", usage, "8"));
    assertEquals(List.of(GRANITE), run(CHAT, "", usage, "8"));
    // The query string is not the model.
    assertEquals(
        List.of(counts(1, 1, 2)), run(CHAT + "?x=/a/b/v1/", "application/json", usage, "8"));
  }

  /** The metadata line of a granite-8b call with these counts, its keys sorted. */
  private static String counts(int prompt, int completion, int total) {
    List<String> parts =
        new ArrayList<>(
            List.of(
                GRANITE,
                "prompt_tokens=" + prompt,
                "completion_tokens=" + completion,
                "total_tokens=" + total));
    parts.sort(null);
    return String.join(";", parts);
  }

  /** The distinct metadata lines the harness prints for the request and response. */
  private static List<String> run(String path, String contentType, String body, String chunking)
      throws IOException, InterruptedException {
    Assumptions.assumeTrue(
        Files.isExecutable(LUAJIT),
        "luajit is not installed (Debian: apt-get install luajit); the Lua filter is not run");
    Path scriptFile = dir.resolve("token-usage.lua");
    Files.writeString(scriptFile, script);
    Path harness = dir.resolve("harness.lua");
    try (InputStream in =
        TokenUsageFilterTest.class.getResourceAsStream("/lua/envoy-lua-harness.lua")) {
      Files.write(harness, in.readAllBytes());
    }
    Path bodyFile = Files.createTempFile(dir, "body", ".txt");
    Files.writeString(bodyFile, body);
    Process process =
        new ProcessBuilder(
                LUAJIT.toString(),
                harness.toString(),
                scriptFile.toString(),
                path,
                contentType,
                bodyFile.toString(),
                chunking,
                namespace)
            .redirectErrorStream(true)
            .start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "luajit finished");
    assertEquals(0, process.exitValue(), () -> "luajit failed:\n" + out);
    return out.lines().toList();
  }
}
