package dev.maas.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.maas.check.ownership.SharedObjectsCheck;
import dev.maas.check.proof.AccessMatrix;
import dev.maas.check.proof.CelAhead;
import dev.maas.check.proof.PolicyProof;
import dev.maas.check.upstream.UpstreamProof;
import dev.maas.concurrent.Futures;
import dev.maas.diag.Diagnostic;
import dev.maas.model.Platform;
import dev.maas.model.Target;
import dev.maas.output.GeneratedTree;
import dev.maas.output.Layout;
import dev.maas.output.Yaml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/** The read-only checks run on a compiled tree before it is written; they never change it. */
public final class OutputChecks {

  private final Path crdsDirectory;
  private final Path crdStore;

  /**
   * @param crdsDirectory a folder of CRDs to validate against, or {@code null} to skip CRD
   *     validation
   */
  public OutputChecks(Path crdsDirectory) {
    this(crdsDirectory, null);
  }

  /**
   * @param crdsDirectory a folder of CRDs to validate against, or {@code null} to skip CRD
   *     validation
   * @param crdStore a folder where the parsed CRDs are kept between runs, or {@code null} to parse
   *     them each time
   */
  public OutputChecks(Path crdsDirectory, Path crdStore) {
    this.crdsDirectory = crdsDirectory;
    this.crdStore = crdStore;
  }

  /**
   * Starts reading the CRD folder in the background, to overlap it with the work before the first
   * check.
   */
  public void prepare() {
    if (crdsDirectory != null && Files.isDirectory(crdsDirectory)) {
      CrdCatalog.prefetch(crdsDirectory, crdStore);
    }
  }

  /**
   * What the checks found, and the access matrix the policy proof checked.
   *
   * @param findings every finding, errors and warnings
   * @param proof the policy proof's result: its matrix and how many requests it evaluated
   */
  public record Result(List<Diagnostic> findings, PolicyProof.Result proof) {

    /** The access matrix the gateway's policies give, as proven. */
    public AccessMatrix matrix() {
      return proof.matrix();
    }
  }

  /** Every finding about {@code tree}, the output of {@code platform}. */
  public List<Diagnostic> check(Platform platform, GeneratedTree tree) {
    return checkAll(platform, tree).findings();
  }

  /**
   * Every finding about {@code tree}, the output of {@code platform}, with the access matrix the
   * policy proof checked. The proof always runs; CRD validation runs when a CRD folder was given.
   */
  public Result checkAll(Platform platform, GeneratedTree tree) {
    return checkAll(platform, tree, null);
  }

  /**
   * The same, where the policy proof takes the predicates {@code ahead} compiled while the tree was
   * rendered ({@code null}: none).
   */
  public Result checkAll(Platform platform, GeneratedTree tree, CelAhead ahead) {
    // Every check below reads the parsed files, each walking them in order: parsed once, up front,
    // on every processor.
    tree.parseAll();
    // All three only read the tree: the structural and ownership checks run beside the proof, and
    // their findings keep their places around its.
    CompletableFuture<List<Diagnostic>> structural =
        CompletableFuture.supplyAsync(() -> structural(tree));
    CompletableFuture<List<Diagnostic>> shared =
        structural.thenApply(
            found ->
                new SharedObjectsCheck()
                    .check(tree, platform.gitops() == null ? null : platform.gitops().path()));
    // The maas-crds target holds no gateway policy to evaluate: its proof reads the resources
    // upstream turns into them.
    PolicyProof.Result proof =
        platform.target() == Target.MAAS_CRDS
            ? new UpstreamProof().prove(platform, tree)
            : new PolicyProof(ahead).prove(platform, tree);
    List<Diagnostic> out = new ArrayList<>(Futures.join(structural));
    out.addAll(proof.findings());
    out.addAll(Futures.join(shared));
    return new Result(List.copyOf(out), proof);
  }

  /** The YAML and CRD findings of every manifest of {@code tree}, without the policy proof. */
  public List<Diagnostic> structural(GeneratedTree tree) {
    List<Diagnostic> out = new ArrayList<>();
    CrdValidator validator = null;
    if (crdsDirectory != null) {
      try {
        validator = new CrdValidator(CrdCatalog.cached(crdsDirectory, crdStore));
      } catch (IOException e) {
        out.add(
            Diagnostic.fileError(
                "crd.catalog",
                crdsDirectory.toString(),
                "cannot read the CRD folder: " + e.getMessage(),
                "point the CRD folder at a directory of CRD YAML files"));
        return out;
      }
    }
    // Kuadrant merges the AuthPolicies of one HTTPRoute that say `strategy: merge` into one policy,
    // and writes it as an AuthConfig for each rule of the route (kuadrant-operator v1.5.2
    // internal/controller/authconfigs_reconciler.go lines 76-84, 123 and 134-145): one object
    // holding every piece's rules, however small each piece is.
    Map<String, List<String>> mergedByRoute = new TreeMap<>();
    Map<String, ObjectNode> merged = new HashMap<>();
    for (String path : tree.files().keySet()) {
      if (isManifest(path)) {
        check(path, tree.parsed(path), validator, out);
        if (tree.parsed(path).error() == null) {
          for (JsonNode doc : tree.parsed(path).documents()) {
            mergeInto(path, doc, mergedByRoute, merged);
          }
        }
      }
    }
    mergedByRoute.forEach(
        (route, files) -> {
          int bytes;
          try {
            bytes = Yaml.JSON.writeValueAsBytes(merged.get(route)).length;
          } catch (IOException e) {
            return;
          }
          if (files.size() > 1 && bytes > MAX_OBJECT_BYTES) {
            out.add(
                tooLarge(
                    files.get(0),
                    "the AuthConfig Kuadrant makes for each rule of HTTPRoute "
                        + route
                        + " merges the rules of "
                        + files.size()
                        + " AuthPolicies ("
                        + String.join(", ", files)
                        + "), "
                        + bytes
                        + " bytes as JSON; etcd stores at most "
                        + MAX_OBJECT_BYTES
                        + " per object by default"));
          }
        });
    return out;
  }

  /**
   * Adds the rules of {@code doc}, when it is an AuthPolicy that merges into the policy of the
   * HTTPRoute it targets, to that route's merged rules: each rule by its name, once.
   */
  private static void mergeInto(
      String path,
      JsonNode doc,
      Map<String, List<String>> filesByRoute,
      Map<String, ObjectNode> rulesByRoute) {
    if (doc == null
        || !"AuthPolicy".equals(doc.path("kind").asText())
        || !"HTTPRoute".equals(doc.at("/spec/targetRef/kind").asText())
        || !"merge".equals(doc.at("/spec/defaults/strategy").asText())) {
      return;
    }
    String route =
        doc.at("/metadata/namespace").asText() + "/" + doc.at("/spec/targetRef/name").asText();
    filesByRoute.computeIfAbsent(route, r -> new ArrayList<>()).add(path);
    ObjectNode rules = rulesByRoute.computeIfAbsent(route, r -> Yaml.JSON.createObjectNode());
    doc.at("/spec/defaults/rules")
        .properties()
        .forEach(
            section -> {
              ObjectNode into =
                  rules.has(section.getKey())
                      ? (ObjectNode) rules.get(section.getKey())
                      : rules.putObject(section.getKey());
              section
                  .getValue()
                  .properties()
                  .forEach(
                      rule -> {
                        if (!into.has(rule.getKey())) {
                          into.set(rule.getKey(), rule.getValue());
                        }
                      });
            });
  }

  /**
   * Whether a generated file is a manifest to validate: YAML, not a kustomization, and not an
   * overlay patch (a strategic-merge or JSON 6902 patch is a fragment, not an object).
   */
  static boolean isManifest(String path) {
    return Layout.isYaml(path) && !Layout.isKustomization(path) && !Layout.isOverlayPatch(path);
  }

  private static void check(
      String path, GeneratedTree.Parsed parsed, CrdValidator validator, List<Diagnostic> out) {
    if (parsed.error() != null) {
      out.add(
          Diagnostic.fileError(
              "output.yaml",
              path,
              "generated file is not valid YAML: " + parsed.error().lines().findFirst().orElse(""),
              null));
      return;
    }
    List<JsonNode> documents = parsed.documents();
    for (JsonNode doc : documents) {
      if (isKubernetesObject(doc)) {
        checkSize(path, doc, out);
      }
    }
    if (validator == null) {
      return;
    }
    for (JsonNode doc : documents) {
      if (isKubernetesObject(doc)) {
        out.addAll(validator.validate(doc, path));
      }
    }
  }

  /**
   * The most a ConfigMap's or Secret's data may hold, keys and values together (Kubernetes refuses
   * more); base64 values ({@code binaryData}, a Secret's {@code data}) count by their decoded
   * bytes.
   */
  static final int MAX_DATA_BYTES = 1024 * 1024;

  /**
   * The largest object etcd stores with its default request limit ({@code --max-request-bytes}).
   */
  static final int MAX_OBJECT_BYTES = 1536 * 1024;

  /**
   * Limits the API server applies that no CRD schema states: ConfigMap and Secret data, and etcd's
   * object size.
   */
  private static void checkSize(String path, JsonNode doc, List<Diagnostic> out) {
    String kind = doc.path("kind").asText();
    String name = kind + " " + doc.path("metadata").path("name").asText();
    if (kind.equals("ConfigMap") || kind.equals("Secret")) {
      long data = 0;
      for (String field : List.of("data", "binaryData", "stringData")) {
        boolean base64 =
            field.equals("binaryData") || (kind.equals("Secret") && field.equals("data"));
        for (Map.Entry<String, JsonNode> entry : doc.path(field).properties()) {
          data +=
              entry.getKey().getBytes(StandardCharsets.UTF_8).length
                  + valueBytes(entry.getValue().asText(), base64);
        }
      }
      if (data > MAX_DATA_BYTES) {
        out.add(
            tooLarge(
                path,
                name
                    + " holds "
                    + data
                    + " bytes of data; Kubernetes accepts at most "
                    + MAX_DATA_BYTES));
        return;
      }
    }
    int bytes;
    try {
      bytes = Yaml.JSON.writeValueAsBytes(doc).length;
    } catch (IOException e) {
      return;
    }
    if (bytes > MAX_OBJECT_BYTES) {
      out.add(
          tooLarge(
              path,
              name
                  + " is "
                  + bytes
                  + " bytes as JSON; etcd stores at most "
                  + MAX_OBJECT_BYTES
                  + " per object by default"));
    }
  }

  /** An object the API server would refuse for its size; the way out is the same for all. */
  private static Diagnostic tooLarge(String path, String message) {
    return Diagnostic.fileError(
        "output.size",
        path,
        message,
        "a platform this large needs fewer models or tiers per platform: split it into several specs");
  }

  /** A data value's size: decoded when it is base64 (undecodable text counts as written). */
  private static long valueBytes(String value, boolean base64) {
    if (base64) {
      try {
        return Base64.getMimeDecoder().decode(value).length;
      } catch (IllegalArgumentException notBase64) {
        // Counted as text: the API server refuses it anyway, and its CRD check says why.
      }
    }
    return value.getBytes(StandardCharsets.UTF_8).length;
  }

  /** Documents without apiVersion and kind, and Kustomize's own files, are not cluster objects. */
  private static boolean isKubernetesObject(JsonNode doc) {
    return doc != null
        && doc.isObject()
        && doc.path("apiVersion").isTextual()
        && doc.path("kind").isTextual()
        && !doc.path("apiVersion").asText().startsWith("kustomize.config.k8s.io/");
  }
}
