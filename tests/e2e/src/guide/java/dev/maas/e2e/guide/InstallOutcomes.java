package dev.maas.e2e.guide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What each {@code needs=cluster} block of docs/install.md must achieve, as the page states it,
 * checked by the install-guide cluster test right after the block ran. A cluster block without an
 * entry here fails the default build (InstallGuideCoverageTest in the tests module).
 */
public final class InstallOutcomes {

  /** The page's shell, after a block: runs a probe there, with the block's variables and files. */
  @FunctionalInterface
  public interface Shell {
    /** Runs {@code script} in the page's shell (without stopping it on a failure). */
    Result run(String script) throws Exception;
  }

  /** A command's exit status and its merged standard output and error. */
  public record Result(int exit, String output) {

    /** The output without surrounding blank space. */
    public String text() {
      return output.strip();
    }
  }

  /** The check of one block: its own run, and the shell to look around in afterwards. */
  @FunctionalInterface
  public interface Outcome {
    /** Fails with an AssertionError when the block did not do what the page says. */
    void check(Result block, Shell shell) throws Exception;
  }

  /** The page's signing key's file name without {@code .pem}: the key id of every token. */
  public static final String KEY_ID = "2026-01-15";

  private static final Map<String, Outcome> BY_KEY = new LinkedHashMap<>();

  /** A line of the model listing as the page prints it: {@code <model> /<namespace>/<model>/v1}. */
  private static final Pattern MODEL_LINE = Pattern.compile("[a-z0-9-]+ /[a-z0-9-]+/[a-z0-9-]+/v1");

  /**
   * Statuses while the Gateway's proxy has not yet received its configuration (no connection, no
   * route, no endpoint): the policies report Enforced a moment before the proxy has them.
   */
  private static final Set<String> NOT_SETTLED = Set.of("000", "404", "500", "502", "503");

  private static final Duration SETTLE = Duration.ofMinutes(3);

  static {
    // 1. Prerequisites: the namespaces, then the output checked against the cluster's own CRDs.
    BY_KEY.put(
        "kubectl create namespace maas-system",
        (block, shell) ->
            assertEquals(
                "namespace/llm\nnamespace/maas-system\nnamespace/vision",
                probe(shell, "kubectl get namespace maas-system llm vision -o name | sort"),
                "the three namespaces exist"));
    BY_KEY.put(
        "mkdir -p target/cluster-crds",
        (block, shell) -> {
          String served = probe(shell, "kubectl get crd -o name | wc -l");
          assertTrue(Integer.parseInt(served) > 0, "the cluster serves CRDs");
          assertEquals(
              served,
              probe(shell, "ls target/cluster-crds/*.yaml | wc -l"),
              "one file per CRD the cluster serves");
          assertEquals(
              served,
              probe(
                  shell,
                  "grep -l '^kind: CustomResourceDefinition' target/cluster-crds/*.yaml | wc -l"),
              "every file is a CRD");
          assertEquals(
              "ok",
              probe(shell, "test -f target/maas/acme/overlays/dev/kustomization.yaml && echo ok"),
              "generate checked the output against them and wrote it:\n" + block.output());
        });

    // 2. The Secrets maas never writes.
    BY_KEY.put(
        "kubectl create secret generic maas-token-signing-key --namespace maas-system",
        (block, shell) ->
            assertEquals(
                KEY_ID + ".pem",
                probe(
                    shell,
                    "kubectl get secret maas-token-signing-key --namespace maas-system"
                        + " -o go-template='{{range $file, $key := .data}}{{$file}}{{end}}'"),
                "the Secret holds the page's key file, which names the key id"));
    BY_KEY.put(
        "kubectl create secret tls maas-gateway-tls --namespace maas-system",
        (block, shell) ->
            assertEquals(
                "kubernetes.io/tls: tls.crt tls.key",
                probe(
                    shell,
                    "kubectl get secret maas-gateway-tls --namespace maas-system -o go-template="
                        + "'{{.type}}:{{range $file, $key := .data}} {{$file}}{{end}}'"),
                "a TLS Secret with the certificate and its key"));

    // 3. The output applied wave by wave: every waited-for condition held (the block exits 0), and
    // every object of the overlay is on the cluster, the policies enforced.
    BY_KEY.put(
        "kubectl apply --server-side --force-conflicts -f target/waves/-1.yaml",
        (block, shell) -> {
          String objects = probe(shell, "grep -c '^kind:' target/acme-dev.yaml");
          assertEquals(
              objects,
              probe(shell, "kubectl get -f target/acme-dev.yaml -o name | wc -l"),
              "every object of the overlay exists");
          String enforced =
              probe(
                  shell,
                  "kubectl get authpolicy,ratelimitpolicy,tokenratelimitpolicy --namespace"
                      + " maas-system -o jsonpath='{range .items[*]}{.kind}/{.metadata.name}="
                      + "{.status.conditions[?(@.type==\"Enforced\")].status}{\"\\n\"}{end}'");
          assertFalse(enforced.isEmpty(), "the policies exist");
          for (String policy : enforced.lines().toList()) {
            assertTrue(policy.endsWith("=True"), "enforced: " + enforced);
          }
        });

    // 4. Use it: the Gateway's address, a token, the listing, a call, the limit.
    BY_KEY.put(
        "HOST=maas.dev.example.com",
        (block, shell) -> {
          String address = probe(shell, "printf '%s' \"$ADDRESS\"");
          assertFalse(address.isEmpty(), "the public Gateway has an address");
          assertEquals(
              "curl -sS --resolve maas.dev.example.com:443:"
                  + address
                  + " --cacert target/tls/tls.crt",
              probe(shell, "printf '%s' \"$CURL\""));
        });
    BY_KEY.put(
        "kubectl port-forward --namespace maas-system service/maas-gateway-istio 8443:443",
        (block, shell) ->
            assertEquals(
                "401",
                settledStatus(
                    shell, "$CURL -o /dev/null -w '%{http_code}' https://$HOST/v1/models"),
                "through the forwarded port, a call without a token is refused"));
    BY_KEY.put(
        "kubectl create namespace maas-users",
        (block, shell) -> {
          String token = probe(shell, "printf '%s' \"$MAAS_TOKEN\"");
          assertTrue(
              token.split("\\.").length == 3, "the token service answered with a token (a JWT)");
          JsonNode header =
              new ObjectMapper()
                  .readTree(
                      new String(
                          Base64.getUrlDecoder().decode(token.split("\\.")[0]),
                          StandardCharsets.UTF_8));
          assertEquals(
              KEY_ID, header.path("kid").asText(), "the token is signed with the page's key");
          // The block's output holds kubectl's and curl's messages too; the listing's lines are
          // "<model> <url>".
          assertEquals(
              List.of("granite-8b /llm/granite-8b/v1"),
              block
                  .text()
                  .lines()
                  .map(String::strip)
                  .filter(l -> MODEL_LINE.matcher(l).matches())
                  .toList(),
              "the free tier's model list, as the page shows it:\n" + block.output());
        });
    BY_KEY.put(
        "$CURL https://$HOST/llm/granite-8b/v1/chat/completions",
        (block, shell) -> {
          JsonNode usage = new ObjectMapper().readTree(block.text());
          assertTrue(
              usage.path("completion_tokens").asInt() > 0
                  && usage.path("total_tokens").asInt() >= usage.path("completion_tokens").asInt(),
              "the model answered and reported its token usage: " + block.text());
        });
    BY_KEY.put(
        "for i in 1 2 3 4 5 6; do",
        (block, shell) -> {
          assertEquals(
              List.of("200", "200", "200", "429", "429", "429"),
              block.text().lines().map(String::strip).toList(),
              "5 requests in 2 minutes: two spent before, three pass, three are refused");
          assertEquals(
              "401",
              probe(
                  shell,
                  "$CURL -o /dev/null -w '%{http_code}' https://$HOST/llm/granite-8b/v1/chat/completions"
                      + " -H 'Content-Type: application/json' -d '{}'"),
              "without a token the same call is refused");
        });
  }

  private InstallOutcomes() {}

  /** The outcome of the cluster block named {@code key} (see {@link InstallGuide.Step#key()}). */
  public static Outcome of(String key) {
    return BY_KEY.get(key);
  }

  /** The keys of every cluster block that has an outcome, in page order. */
  public static List<String> keys() {
    return List.copyOf(BY_KEY.keySet());
  }

  /**
   * The HTTP status a curl probe prints, asked again every 2 s while the Gateway has not settled
   * ({@link #NOT_SETTLED}), for up to {@link #SETTLE}.
   */
  static String settledStatus(Shell shell, String curl) throws Exception {
    long deadline = System.nanoTime() + SETTLE.toNanos();
    String status;
    do {
      String printed = shell.run(curl + " 2>/dev/null; true").text();
      status = printed.length() >= 3 ? printed.substring(printed.length() - 3) : printed;
      if (!NOT_SETTLED.contains(status)) {
        return status;
      }
      Thread.sleep(2000);
    } while (System.nanoTime() < deadline);
    return status;
  }

  /** Runs a probe that must succeed, and returns its output stripped. */
  static String probe(Shell shell, String script) throws Exception {
    Result result = shell.run(script);
    assertEquals(0, result.exit(), () -> "`" + script + "` failed:\n" + result.output());
    return result.text();
  }
}
