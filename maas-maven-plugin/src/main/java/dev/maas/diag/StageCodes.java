package dev.maas.diag;

import static dev.maas.diag.Severity.ERROR;
import static dev.maas.diag.Severity.WARNING;

import java.util.List;

/**
 * The codes reported outside the semantic and lint rules: reading the YAML, the schema, finding the
 * specs, checking and proving the output, plan, explain and publish. (A rule declares its own code
 * on its class.) Each group is a section of {@code docs/diagnostics.md}.
 */
public final class StageCodes {

  private StageCodes() {}

  /**
   * A section of the catalogue.
   *
   * @param title the section's heading
   * @param codes its codes, in reading order
   */
  public record Group(String title, List<DiagnosticCode> codes) {}

  /** The codes of reading the YAML file. */
  public static final Group READING =
      new Group(
          "Reading the YAML file",
          List.of(
              code("yaml.io", ERROR, "the spec file cannot be read"),
              code("yaml.tooLarge", ERROR, "the spec file is larger than the reader accepts"),
              code("yaml.encoding", ERROR, "the spec file is not valid UTF-8 text"),
              code(
                  "yaml.lineTooLong",
                  ERROR,
                  "a line of the spec is longer than the reader accepts"),
              code("yaml.empty", ERROR, "the spec file holds no YAML document"),
              code(
                  "yaml.multipleDocuments",
                  ERROR,
                  "the spec file holds more than one YAML document"),
              code("yaml.syntax", ERROR, "the text is not YAML"),
              code("yaml.tab", ERROR, "a tab indents a line; YAML indents with spaces"),
              code(
                  "yaml.indentation",
                  ERROR,
                  "a line is indented so that it belongs to no key or list"),
              code("yaml.tooDeep", ERROR, "the document nests deeper than the reader accepts"),
              code("yaml.recursiveAlias", ERROR, "an alias refers to a node that contains it"),
              code(
                  "yaml.aliasExpansion",
                  ERROR,
                  "aliases expand the document beyond the number of nodes the reader accepts"),
              code(
                  "yaml.tooManyAliases",
                  ERROR,
                  "the document holds more aliases than the reader accepts"),
              code(
                  "yaml.complexKey", ERROR, "a mapping key is a list or a mapping instead of text"),
              code(
                  "yaml.mergeKey",
                  ERROR,
                  "a merge key (`<<`) is used; the spec is read without YAML 1.1 merges"),
              code("yaml.duplicateKey", ERROR, "a key appears twice in one mapping"),
              code("yaml.tag", ERROR, "a node carries an explicit YAML tag"),
              code(
                  "yaml.ambiguousNumber",
                  ERROR,
                  "a number whose meaning differs between YAML 1.1 and 1.2 readers, e.g. `010` or `1_000`"),
              code(
                  "yaml.yaml11Boolean",
                  WARNING,
                  "a word YAML 1.1 reads as a boolean (`on`, `yes`, ...) is read as text")));

  /** The codes of the schema. */
  public static final Group SCHEMA =
      new Group(
          "The schema",
          List.of(
              code("schema.additionalProperties", ERROR, "a property the schema does not know"),
              code("schema.required", ERROR, "a required property is missing"),
              code(
                  "schema.type",
                  ERROR,
                  "a value of the wrong type, e.g. text where a number belongs"),
              code("schema.pattern", ERROR, "a text does not have the form its field needs"),
              code("schema.enum", ERROR, "a value is not one of the allowed values"),
              code("schema.const", ERROR, "a value differs from the one value the field allows"),
              code("schema.minimum", ERROR, "a number is below the field's minimum"),
              code("schema.maximum", ERROR, "a number is above the field's maximum"),
              code("schema.minItems", ERROR, "a list has fewer items than the field needs"),
              code("schema.maxItems", ERROR, "a list has more items than the field allows"),
              code("schema.uniqueItems", ERROR, "a list holds the same item twice"),
              code("schema.minLength", ERROR, "a text is shorter than the field needs"),
              code("schema.maxLength", ERROR, "a text is longer than the field allows"),
              code(
                  "schema.minProperties",
                  ERROR,
                  "a mapping sets none of the properties it needs one of"),
              code("schema.maxProperties", ERROR, "a mapping has more keys than the field allows"),
              code(
                  "schema.propertyNames",
                  ERROR,
                  "a key of a mapping does not have the form its keys need")));

  /** The codes of the spec's own list of suppressed warnings. */
  public static final Group SUPPRESSIONS =
      new Group(
          "Suppressed warnings",
          List.of(
              code(
                  "suppression.unknownCode",
                  ERROR,
                  "a suppression names a code the catalogue does not have"),
              code(
                  "suppression.notSuppressible",
                  ERROR,
                  "a suppression names the code of an error, or of a warning no spec can suppress"),
              code("suppression.unused", WARNING, "a suppression matched no warning")));

  /** Every group, in the order a run meets them. */
  public static List<Group> groups() {
    return List.of(
        READING,
        SCHEMA,
        SUPPRESSIONS,
        new Group(
            "Finding the specs and their overlays",
            List.of(
                code("spec.missing", ERROR, "the spec file or folder does not exist"),
                code("spec.none", ERROR, "the spec folder holds no spec"),
                code("spec.io", ERROR, "the spec folder cannot be listed"),
                code(
                    "spec.duplicatePlatform",
                    ERROR,
                    "two specs of one folder name the same platform"),
                code(
                    "overlays.unknownEnvironment",
                    ERROR,
                    "a folder under overlays/ is named after no environment of the spec"),
                code("overlays.io", ERROR, "the overlays folder cannot be read"))),
        new Group(
            "Rendering",
            List.of(
                code(
                    "render.generatedNameClash",
                    ERROR,
                    "two names of the spec make the same generated object name"))),
        new Group(
            "Checking the output against Kubernetes and the CRDs",
            List.of(
                code("k8s.object", ERROR, "a generated file is not a Kubernetes object"),
                code("k8s.required", ERROR, "a generated object lacks a field Kubernetes requires"),
                code("k8s.metadata", ERROR, "a generated object's metadata is malformed"),
                code("k8s.name", ERROR, "a generated name is not a valid Kubernetes name"),
                code("k8s.namespace", ERROR, "a cluster-scoped generated object has a namespace"),
                code("k8s.label", ERROR, "a generated label key or value is not valid"),
                code("k8s.annotation", ERROR, "a generated annotation key is not valid"),
                code(
                    "k8s.unknownField",
                    ERROR,
                    "a generated core object has a field its kind does not have"),
                code("k8s.type", ERROR, "a field of a generated core object has the wrong type"),
                code(
                    "k8s.value",
                    ERROR,
                    "a field of a generated core object has a value Kubernetes refuses"),
                code(
                    "k8s.selector",
                    ERROR,
                    "a generated workload's selector does not match its pod labels"),
                code("crd.catalog", ERROR, "the CRD folder cannot be read"),
                code("crd.missing", ERROR, "no CRD defines the kind of a generated object"),
                code(
                    "crd.unavailable",
                    WARNING,
                    "a generated object is of a known kind whose CRD is not among those checked"
                        + " against, so only its metadata is checked"),
                code("crd.version", ERROR, "the CRD does not serve the generated object's version"),
                code(
                    "crd.deprecated",
                    WARNING,
                    "the CRD marks the generated object's version as deprecated"),
                code(
                    "crd.null",
                    ERROR,
                    "a generated field is null, which the API server would drop"),
                code(
                    "crd.type",
                    ERROR,
                    "a generated field has a type its CRD schema does not allow"),
                code(
                    "crd.enum",
                    ERROR,
                    "a generated field has a value its CRD schema does not list"),
                code(
                    "crd.minLength",
                    ERROR,
                    "a generated text is shorter than its CRD schema allows"),
                code(
                    "crd.maxLength",
                    ERROR,
                    "a generated text is longer than its CRD schema allows"),
                code(
                    "crd.pattern",
                    ERROR,
                    "a generated text does not match its CRD schema's pattern"),
                code("crd.minimum", ERROR, "a generated number is below its CRD schema's minimum"),
                code("crd.maximum", ERROR, "a generated number is above its CRD schema's maximum"),
                code(
                    "crd.format", ERROR, "a generated number does not fit its CRD schema's format"),
                code(
                    "crd.minItems",
                    ERROR,
                    "a generated list has fewer items than its CRD schema needs"),
                code(
                    "crd.maxItems",
                    ERROR,
                    "a generated list has more items than its CRD schema allows"),
                code("crd.listType", ERROR, "a generated set or map list holds a duplicate"),
                code(
                    "crd.minProperties",
                    ERROR,
                    "a generated mapping has fewer properties than its CRD schema needs"),
                code(
                    "crd.maxProperties",
                    ERROR,
                    "a generated mapping has more properties than its CRD schema allows"),
                code(
                    "crd.required",
                    ERROR,
                    "a generated object lacks a field its CRD schema requires"),
                code("crd.unknownField", ERROR, "a generated field is not in its CRD schema"),
                code(
                    "crd.allOf",
                    ERROR,
                    "a generated value does not match every schema of an allOf"),
                code("crd.anyOf", ERROR, "a generated value matches no schema of an anyOf"),
                code(
                    "crd.oneOf",
                    ERROR,
                    "a generated value does not match exactly one schema of a oneOf"),
                code("crd.not", ERROR, "a generated value matches a schema under not"),
                code(
                    "crd.rule",
                    ERROR,
                    "a generated object breaks a CEL rule (x-kubernetes-validations) of its CRD"),
                code("crd.rule.unsupported", ERROR, "a CEL rule of a CRD cannot be evaluated"),
                code("output.yaml", ERROR, "a generated file is not valid YAML"),
                code(
                    "output.size",
                    ERROR,
                    "a generated object is larger than the API server or etcd accepts"),
                code(
                    "output.sharedObject",
                    ERROR,
                    "two Argo CD Applications would manage the same object"),
                code(
                    "output.applicationSource",
                    ERROR,
                    "an Argo CD Application reads a folder the output does not have"),
                code(
                    "output.kindNotPermitted",
                    ERROR,
                    "an Argo CD Application syncs a kind its AppProject does not permit"))),
        new Group(
            "Proving the policies",
            List.of(
                code(
                    "proof.access",
                    ERROR,
                    "a tier reaches a model it may not call, or is refused one it may call"),
                code(
                    "proof.listing",
                    ERROR,
                    "the model listing is not reachable by every tier, or not limited"),
                code(
                    "proof.tokenService",
                    ERROR,
                    "the token service is not reachable as designed, or not rate-limited"),
                code("proof.unmetered", ERROR, "a tier reaches an endpoint that no limit meters"),
                code(
                    "proof.unrouted",
                    ERROR,
                    "an authorised path is routed nowhere, or to the wrong backend"),
                code(
                    "proof.queryString",
                    ERROR,
                    "a path with a query string is treated unlike the same path without it"),
                code(
                    "proof.perRoute", ERROR, "one limit is counted once per route, multiplying it"),
                code("proof.unauthenticated", ERROR, "a path is reachable without authentication"),
                code("proof.overlap", ERROR, "several limits of one kind match the same call"),
                code("proof.missingLimit", ERROR, "no limit matches a call the spec limits"),
                code(
                    "proof.unexpectedLimit",
                    ERROR,
                    "a limit matches a call the spec does not limit so"),
                code("proof.rate", ERROR, "a limit's rate or window differs from the spec's"),
                code(
                    "proof.counter",
                    ERROR,
                    "a limit counts per user where the spec counts per tier, or the other way round"),
                code(
                    "proof.streamUsage",
                    ERROR,
                    "a streamed call of a model with token limits would not report its usage"),
                code("proof.sharding", ERROR, "an LLM's sharding does not match its GPUs"),
                code(
                    "proof.deploymentMode",
                    ERROR,
                    "a predictor model is not deployed in the mode the spec asks for"),
                code("proof.scaling", ERROR, "a model's generated scaling differs from the spec's"),
                code(
                    "proof.webUi",
                    ERROR,
                    "the Web UI's files are refused, or its rule opens more than those files"),
                code(
                    "proof.credentials",
                    ERROR,
                    "a model's storage credentials are not wired as the spec names them"),
                code(
                    "proof.upstream",
                    ERROR,
                    "the maas-crds output grants other access or limits than the spec, read as upstream's controller"
                        + " reads it"),
                code(
                    "proof.equivalence",
                    ERROR,
                    "the maas-crds and kuadrant targets grant a tier x model differently"))),
        new Group(
            "Plan and explain",
            List.of(
                code("plan.noBase", ERROR, "plan has no base to compare with"),
                code(
                    "plan.baseFolder",
                    ERROR,
                    "the plan's base folder does not hold a generated tree"),
                code("plan.write", ERROR, "the plan report cannot be written"),
                code("plan.gitCache", ERROR, "the Git cache folder was not made by maas"),
                code("plan.gitRef", ERROR, "the plan's base names no branch, tag or commit"),
                code("plan.gitUrl", ERROR, "the plan's Git URL cannot be used"),
                code("plan.gitUnreachable", ERROR, "the plan's Git remote cannot be reached"),
                code("plan.gitRead", ERROR, "the plan's Git remote cannot be read"),
                code(
                    "plan.gitPath", ERROR, "the plan's Git path is not a folder of the repository"),
                code("explain.tier", ERROR, "explain names a tier the spec does not have"),
                code("explain.model", ERROR, "explain names a model the spec does not have"))),
        new Group(
            "Publishing to Git",
            List.of(
                code(
                    "publish.noTarget", ERROR, "the spec names no GitOps repository to publish to"),
                code("publish.author", ERROR, "the commit author is malformed"),
                code("publish.branchName", ERROR, "the branch name is not a valid Git branch name"),
                code(
                    "publish.emptyTree",
                    ERROR,
                    "there is nothing to publish: the generated tree is empty"),
                code(
                    "publish.hooks",
                    ERROR,
                    "a local repository runs hooks, which publishing refuses"),
                code(
                    "publish.path", ERROR, "the GitOps path is not a folder inside the repository"),
                code("publish.repositoryNotFound", ERROR, "the Git repository does not exist"),
                code("publish.unsupportedUrl", ERROR, "the Git URL cannot be used"),
                code("publish.credentials", ERROR, "the Git remote refused the credentials"),
                code("publish.unreachable", ERROR, "the Git remote cannot be reached"),
                code("publish.branchMissing", ERROR, "the branch does not exist on the remote"),
                code("publish.rejected", ERROR, "the remote rejected the push"),
                code("publish.transfer", ERROR, "the transfer to the remote failed"),
                code(
                    "publish.pathBlocked",
                    ERROR,
                    "a file stands where the GitOps path needs a folder"),
                code("publish.notOwned", ERROR, "the GitOps path holds files maas did not write"),
                code("publish.localClone", ERROR, "the local clone folder cannot be used"))));
  }

  /** Every code of every group. */
  public static List<DiagnosticCode> all() {
    return groups().stream().flatMap(g -> g.codes().stream()).toList();
  }

  private static DiagnosticCode code(String code, Severity severity, String summary) {
    return new DiagnosticCode(code, severity, summary);
  }
}
