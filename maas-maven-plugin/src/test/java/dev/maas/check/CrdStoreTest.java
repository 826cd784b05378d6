package dev.maas.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maas.diag.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parsed CRDs kept between runs: read back only while the folder is unchanged, and checking
 * exactly alike.
 */
class CrdStoreTest {

  /**
   * Objects that meet a pattern, a CEL rule, a required field, an unknown field and a valid case.
   */
  private static final List<String> OBJECTS =
      List.of(
          """
      apiVersion: kuadrant.io/v1
      kind: RateLimitPolicy
      metadata: {name: acme-request-limits, namespace: gateway-system}
      spec:
        targetRef: {group: gateway.networking.k8s.io, kind: Gateway, name: maas-gateway}
        limits: {free: {rates: [{limit: 5, window: 1d}]}}
      """,
          """
      apiVersion: kuadrant.io/v1
      kind: RateLimitPolicy
      metadata: {name: acme-request-limits, namespace: gateway-system}
      spec:
        targetRef: {group: gateway.networking.k8s.io, kind: Gateway, name: maas-gateway}
        limits: {free: {rates: [{limit: 5, window: 1m}]}}
        defaults: {limits: {all: {rates: [{limit: 50, window: 1m}]}}}
      """,
          Crds.AUTH_POLICY_ON_A_SERVICE,
          """
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata: {name: granite, namespace: llm}
      spec:
        parentRefs: [{name: maas-gateway, namespace: gateway-system}]
        rules: [{matches: [{path: {type: PathPrefix, value: /llm/granite}}], backendRefs: [{name: granite, port: 80}], colour: red}]
      """,
          """
      apiVersion: serving.kserve.io/v1alpha1
      kind: LLMInferenceService
      metadata: {name: granite, namespace: llm}
      spec:
        model: {uri: "hf://ibm-granite/granite-3.1-8b-instruct", name: granite}
      """);

  @Test
  void aStoredCatalogChecksExactlyLikeTheYaml(@TempDir Path store) throws IOException {
    CrdCatalog fromYaml = CrdCatalog.load(Crds.DIR);
    CrdCatalog first = CrdCatalog.load(Crds.DIR, store);
    assertEquals(1, storedCopies(store).size(), "the first load keeps one copy");
    CrdCatalog fromStore = CrdCatalog.load(Crds.DIR, store);

    assertEquals(fromYaml.describe(), first.describe());
    assertEquals(fromYaml.describe(), fromStore.describe());
    assertEquals(fromYaml.ruleCounts(), fromStore.ruleCounts());
    List<String> expected = findings(fromYaml);
    assertTrue(expected.size() >= 4, "the objects must break rules of several kinds: " + expected);
    assertEquals(expected, findings(fromStore));
  }

  @Test
  void theStoredCopyIsWhatASecondLoadReads(@TempDir Path store) throws IOException {
    CrdCatalog.load(Crds.DIR, store);
    Path copy = storedCopies(store).get(0);
    // Renaming a kind in the stored copy shows whether the second load read it or parsed the YAML
    // again.
    String text = Files.readString(copy, StandardCharsets.UTF_8);
    assertTrue(text.contains("\"kind\":\"RateLimitPolicy\""));
    Files.writeString(
        copy, text.replace("\"kind\":\"RateLimitPolicy\"", "\"kind\":\"RateLimitPolicyStored\""));

    CrdCatalog second = CrdCatalog.load(Crds.DIR, store);
    assertTrue(second.find("kuadrant.io", "RateLimitPolicyStored").isPresent());
    assertTrue(second.find("kuadrant.io", "RateLimitPolicy").isEmpty());
  }

  @Test
  void aChangedCrdFolderIsParsedAgainAndReplacesTheOldCopy(@TempDir Path dir, @TempDir Path store)
      throws IOException {
    Path crd = dir.resolve("kuadrant.io_ratelimitpolicies.yaml");
    Files.copy(Crds.DIR.resolve("kuadrant.io_ratelimitpolicies.yaml"), crd);
    CrdCatalog.load(dir, store);
    Path before = storedCopies(store).get(0);

    Files.writeString(
        crd,
        Files.readString(crd).replace("kind: RateLimitPolicy\n", "kind: RequestLimitPolicy\n"));
    CrdCatalog changed = CrdCatalog.load(dir, store);
    assertTrue(
        changed.find("kuadrant.io", "RequestLimitPolicy").isPresent(), "the changed CRD is read");
    assertTrue(changed.find("kuadrant.io", "RateLimitPolicy").isEmpty());
    List<Path> copies = storedCopies(store);
    assertEquals(1, copies.size(), "the copy of the old folder is gone: " + copies);
    assertNotEquals(before, copies.get(0));

    // An edit that keeps the file's size.
    Files.writeString(
        crd,
        Files.readString(crd).replace("kind: RequestLimitPolicy\n", "kind: RequestLimitPolicz\n"));
    assertTrue(
        CrdCatalog.load(dir, store).find("kuadrant.io", "RequestLimitPolicz").isPresent(),
        "an edit of the same size is read");

    Files.copy(
        Crds.DIR.resolve("kuadrant.io_authpolicies.yaml"),
        dir.resolve("kuadrant.io_authpolicies.yaml"));
    assertTrue(
        CrdCatalog.load(dir, store).find("kuadrant.io", "AuthPolicy").isPresent(),
        "an added file is read");
  }

  @Test
  void aDamagedCopyIsParsedAgainAndRepaired(@TempDir Path store) throws IOException {
    CrdCatalog.load(Crds.DIR, store);
    Path copy = storedCopies(store).get(0);
    Files.writeString(copy, "{\"format\": \"maas-crds-1\", \"documents\": [");

    CrdCatalog repaired = CrdCatalog.load(Crds.DIR, store);
    assertEquals(CrdCatalog.load(Crds.DIR).describe(), repaired.describe());
    assertTrue(Files.readString(copy).endsWith("}"), "the damaged copy is written again");
    assertEquals(findings(CrdCatalog.load(Crds.DIR)), findings(CrdCatalog.load(Crds.DIR, store)));
  }

  @Test
  void aStoreThatCannotBeWrittenOnlyCostsTheShortcut(@TempDir Path parent) throws IOException {
    Path notAFolder = parent.resolve("file");
    Files.writeString(notAFolder, "not a folder");
    assertEquals(
        CrdCatalog.load(Crds.DIR).describe(), CrdCatalog.load(Crds.DIR, notAFolder).describe());
  }

  @Test
  void aFolderThatCouldNotBeReadIsReadAgainOnTheNextRequest(@TempDir Path parent)
      throws IOException {
    Path dir = parent.resolve("crds");
    assertThrows(IOException.class, () -> CrdCatalog.cached(dir));
    Files.createDirectories(dir);
    Files.copy(
        Crds.DIR.resolve("kuadrant.io_ratelimitpolicies.yaml"),
        dir.resolve("kuadrant.io_ratelimitpolicies.yaml"));
    assertTrue(CrdCatalog.cached(dir).find("kuadrant.io", "RateLimitPolicy").isPresent());
  }

  private static List<String> findings(CrdCatalog catalog) {
    CrdValidator validator = new CrdValidator(catalog);
    return OBJECTS.stream()
        .flatMap(o -> validator.validate(Crds.parse(o), "obj.yaml").stream())
        .map(Diagnostic::render)
        .toList();
  }

  private static List<Path> storedCopies(Path store) throws IOException {
    try (Stream<Path> files = Files.list(store)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
    }
  }
}
