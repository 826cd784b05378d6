package dev.maas.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.maas.diag.Diagnostic;
import dev.maas.diag.SourceLocation;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Checks Kubernetes objects as the API server would on create: custom resources against their CRD's
 * schema and CEL rules, built-in kinds through fabric8's typed models. It never changes the object
 * it checks.
 *
 * <p>Messages read {@code <file>: error: <Kind>/<namespace>/<name> <field path>: <what is wrong>}.
 */
public final class CrdValidator {

  private final CrdCatalog catalog;
  private final AtomicLong skippedTransitionRules = new AtomicLong();

  /** A validator over the CRDs of {@code catalog}. */
  public CrdValidator(CrdCatalog catalog) {
    this.catalog = catalog;
  }

  /**
   * How many transition rules ({@code oldSelf}) were skipped so far: a created object has no old
   * state.
   */
  public long skippedTransitionRules() {
    return skippedTransitionRules.get();
  }

  /** Every finding about {@code object}; {@code fileForMessages} names its file in the messages. */
  public List<Diagnostic> validate(JsonNode object, String fileForMessages) {
    if (object == null || !object.isObject()) {
      return List.of(
          Diagnostic.error(
              "k8s.object",
              SourceLocation.ofFile(fileForMessages),
              "",
              "not a Kubernetes object: expected a mapping with apiVersion and kind",
              null));
    }
    String apiVersion = object.path("apiVersion").asText("");
    String kind = object.path("kind").asText("");
    JsonNode metadata = object.path("metadata");
    Findings findings =
        new Findings(
            fileForMessages,
            Findings.identity(
                kind, metadata.path("namespace").asText(""), metadata.path("name").asText("")));
    if (apiVersion.isEmpty() || kind.isEmpty()) {
      findings.error("k8s.object", "", "an object needs both apiVersion and kind", null);
      return findings.list();
    }
    if (CoreKinds.covers(apiVersion, kind)) {
      metadata(
          metadata,
          CoreKinds.namespaced(apiVersion, kind),
          CoreKinds.nameProblem(apiVersion, kind, metadata.path("name").asText("")),
          findings);
      CoreKinds.check(object, apiVersion, kind, findings);
      return findings.list();
    }
    int slash = apiVersion.indexOf('/');
    String group = slash < 0 ? "" : apiVersion.substring(0, slash);
    String version = apiVersion.substring(slash + 1);
    Optional<CrdKind> crd = catalog.find(group, kind);
    String source = WITHOUT_CRD.get(group + " " + kind);
    if (crd.isEmpty() && source != null) {
      findings.warning(
          "crd.unavailable",
          "",
          "no CRD of "
              + kind
              + " ("
              + group
              + ") is among the CRDs checked against, so only its metadata is checked; "
              + source
              + " defines it",
          "add that CRD to the CRD folder to check the whole object");
      metadata(
          metadata, true, ObjectNames.dns1123Subdomain(metadata.path("name").asText("")), findings);
      return findings.list();
    }
    if (crd.isEmpty()) {
      findings.error(
          "crd.missing",
          "",
          "no CRD defines "
              + kind
              + " in "
              + (group.isEmpty() ? "the core group" : group)
              + " and it is not a built-in kind this checker knows",
          hintFor(group, kind));
      return findings.list();
    }
    CrdKind.Version served = crd.get().versions().get(version);
    if (served == null || !served.served()) {
      findings.error(
          "crd.version",
          "apiVersion",
          (served == null
                  ? "version " + version + " is not in the CRD of "
                  : "version " + version + " is not served by the CRD of ")
              + kind,
          "served: "
              + String.join(
                  ", ",
                  crd.get().versions().values().stream()
                      .filter(CrdKind.Version::served)
                      .map(CrdKind.Version::name)
                      .toList()));
      return findings.list();
    }
    if (served.deprecationWarning() != null) {
      findings.warning("crd.deprecated", "apiVersion", served.deprecationWarning(), null);
    }
    String name = metadata.path("name").asText("");
    metadata(
        metadata,
        crd.get().namespaced(),
        name.isEmpty() ? null : ObjectNames.dns1123Subdomain(name),
        findings);
    if (served.schema() != null) {
      ObjectNode copy = ((ObjectNode) object).deepCopy();
      Defaults.apply(copy, served.schema(), true);
      new SchemaWalk(catalog, findings, kind, skippedTransitionRules).root(copy, served.schema());
    }
    return findings.list();
  }

  /**
   * Kinds the compiler emits whose CRD the CRD folder may lack, with where the CRD is published: an
   * object of one is reported as unchecked (a warning), not as unknown, and is checked in full once
   * the folder holds its CRD.
   */
  private static final java.util.Map<String, String> WITHOUT_CRD =
      java.util.Map.of(
          "networking.istio.io EnvoyFilter",
          "Istio's base chart (manifests/charts/base/files/crd-all.gen.yaml)");

  private static String hintFor(String group, String kind) {
    return CoreKinds.apiVersionOf(kind)
        .map(v -> "built-in " + kind + " is checked as apiVersion " + v)
        .orElse(null);
  }

  private static void metadata(
      JsonNode metadata, boolean namespaced, String nameProblem, Findings findings) {
    if (!metadata.isObject()) {
      findings.error("k8s.required", "metadata", "required field is missing", null);
      return;
    }
    StrictModels.Read<ObjectMeta> read = StrictModels.read(metadata, ObjectMeta.class);
    read.problems()
        .forEach(
            p ->
                findings.error(
                    "k8s.metadata",
                    p.path().isEmpty() ? "metadata" : "metadata." + p.path(),
                    p.message(),
                    null));
    String name = metadata.path("name").asText("");
    if (name.isEmpty()) {
      findings.error(
          "k8s.required",
          "metadata.name",
          "required field is missing",
          "GitOps objects need a fixed name");
    } else if (nameProblem != null) {
      findings.error("k8s.name", "metadata.name", "\"" + name + "\" " + nameProblem, null);
    }
    String namespace = metadata.path("namespace").asText("");
    if (namespaced && namespace.isEmpty()) {
      findings.error(
          "k8s.required",
          "metadata.namespace",
          "required field is missing for a namespaced kind",
          null);
    } else if (!namespaced && !namespace.isEmpty()) {
      findings.error(
          "k8s.namespace",
          "metadata.namespace",
          "the kind is cluster-scoped; it has no namespace",
          null);
    } else if (!namespace.isEmpty() && ObjectNames.dns1123Label(namespace) != null) {
      findings.error(
          "k8s.name",
          "metadata.namespace",
          "\"" + namespace + "\" " + ObjectNames.dns1123Label(namespace),
          null);
    }
    for (Map.Entry<String, JsonNode> label : metadata.path("labels").properties()) {
      String keyProblem = ObjectNames.qualifiedName(label.getKey());
      if (keyProblem != null) {
        findings.error(
            "k8s.label", "metadata.labels", "key \"" + label.getKey() + "\": " + keyProblem, null);
      }
      String valueProblem =
          label.getValue().isTextual()
              ? ObjectNames.labelValue(label.getValue().textValue())
              : null;
      if (valueProblem != null) {
        findings.error(
            "k8s.label",
            "metadata.labels[" + label.getKey() + "]",
            "\"" + label.getValue().textValue() + "\" " + valueProblem,
            null);
      }
    }
    for (Map.Entry<String, JsonNode> annotation : metadata.path("annotations").properties()) {
      String keyProblem = ObjectNames.qualifiedName(annotation.getKey());
      if (keyProblem != null) {
        findings.error(
            "k8s.annotation",
            "metadata.annotations",
            "key \"" + annotation.getKey() + "\": " + keyProblem,
            null);
      }
    }
  }
}
