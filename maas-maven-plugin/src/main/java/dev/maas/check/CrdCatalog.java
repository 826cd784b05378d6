package dev.maas.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.maas.cel.CelEngine;
import dev.maas.cel.CelExpression;
import dev.maas.cel.CelFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Every CRD of a folder, parsed once: kinds by group and kind, schemas per version, CEL rules compiled on
 * first use and shared (Gateway API repeats the same rules in each version).
 */
public final class CrdCatalog {

  private static final Map<Path, CrdCatalog> CACHE = new ConcurrentHashMap<>();

  /** CEL rules see {@code self}, and {@code oldSelf} in transition rules. */
  private static final CelEngine RULES = CelEngine.withVariables("self", "oldSelf");

  private final Map<String, CrdKind> kinds;
  private final int files;
  private final Map<String, Compiled> compiled = new ConcurrentHashMap<>();

  private CrdCatalog(Map<String, CrdKind> kinds, int files) {
    this.kinds = kinds;
    this.files = files;
  }

  /** A rule compiled, or why it could not be. */
  record Compiled(CelExpression expression, String error) {}

  /**
   * Parses every {@code .yaml}/{@code .yml} CustomResourceDefinition in {@code dir}; other documents are ignored.
   *
   * @throws IOException if the folder or a file cannot be read or parsed
   */
  public static CrdCatalog load(Path dir) throws IOException {
    List<Path> paths;
    try (Stream<Path> list = Files.list(dir)) {
      paths = list.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
    }
    // The KServe CRDs are 2 MB each; parsing files in parallel keeps loading near the largest file's time.
    List<List<CrdKind>> parsed;
    try {
      parsed = paths.parallelStream().map(CrdCatalog::parseFile).toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    Map<String, CrdKind> kinds = new TreeMap<>();
    int crdFiles = 0;
    for (List<CrdKind> fileKinds : parsed) {
      crdFiles += fileKinds.isEmpty() ? 0 : 1;
      fileKinds.forEach(k -> kinds.put(key(k.group(), k.kind()), k));
    }
    return new CrdCatalog(Collections.unmodifiableMap(kinds), crdFiles);
  }

  /** The catalog of {@code dir}, loaded on first request and kept for the life of the JVM. */
  public static CrdCatalog cached(Path dir) throws IOException {
    Path key = dir.toAbsolutePath().normalize();
    CrdCatalog catalog = CACHE.get(key);
    if (catalog == null) {
      catalog = load(key);
      CACHE.putIfAbsent(key, catalog);
    }
    return catalog;
  }

  private static List<CrdKind> parseFile(Path file) {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(64 * 1024 * 1024);
    ObjectMapper yaml = new ObjectMapper(YAMLFactory.builder().loaderOptions(options).build());
    List<CrdKind> out = new ArrayList<>();
    try (var docs = yaml.readerFor(JsonNode.class).<JsonNode>readValues(file.toFile())) {
      while (docs.hasNextValue()) {
        JsonNode doc = docs.nextValue();
        if (doc != null && "CustomResourceDefinition".equals(doc.path("kind").asText())) {
          out.add(kind(doc, file.getFileName().toString()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read CRD file " + file + ": " + e.getMessage(), e);
    }
    return out;
  }

  private static CrdKind kind(JsonNode crd, String file) {
    JsonNode spec = crd.path("spec");
    Map<String, CrdKind.Version> versions = new LinkedHashMap<>();
    for (JsonNode v : spec.path("versions")) {
      JsonNode schema = v.path("schema").path("openAPIV3Schema");
      String warning = v.path("deprecated").asBoolean(false)
          ? v.path("deprecationWarning").asText("version " + v.path("name").asText() + " is deprecated") : null;
      versions.put(v.path("name").asText(), new CrdKind.Version(v.path("name").asText(), v.path("served").asBoolean(false),
          warning, schema.isObject() ? SchemaNode.parse(schema) : null));
    }
    return new CrdKind(spec.path("group").asText(), spec.path("names").path("kind").asText(),
        !"Cluster".equals(spec.path("scope").asText()), Collections.unmodifiableMap(versions), file);
  }

  private static String key(String group, String kind) {
    return group + "/" + kind;
  }

  /** The kind {@code kind} of {@code group}, if a CRD defines it. */
  Optional<CrdKind> find(String group, String kind) {
    return Optional.ofNullable(kinds.get(key(group, kind)));
  }

  /** The kinds of {@code group}, for hints. */
  List<String> kindsOf(String group) {
    return kinds.values().stream().filter(k -> k.group().equals(group)).map(CrdKind::kind).toList();
  }

  /** The rule compiled once and kept. */
  Compiled compile(String rule) {
    return compiled.computeIfAbsent(rule, r -> {
      try {
        return new Compiled(RULES.compile(r), null);
      } catch (CelFailure e) {
        return new Compiled(null, e.getMessage());
      }
    });
  }

  /** How many CRD files, kinds and versions were loaded. */
  public String describe() {
    int versions = kinds.values().stream().mapToInt(k -> k.versions().size()).sum();
    return files + " CRD files, " + kinds.size() + " kinds, " + versions + " versions";
  }

  /** Compiles every CEL rule of every version and counts the outcome. */
  public RuleCounts ruleCounts() {
    int found = 0;
    int transition = 0;
    List<String> failures = new ArrayList<>();
    for (CrdKind kind : kinds.values()) {
      for (CrdKind.Version version : kind.versions().values()) {
        if (version.schema() == null) {
          continue;
        }
        List<CrdRule> rules = new ArrayList<>();
        version.schema().collectRules(rules);
        for (CrdRule rule : rules) {
          found++;
          transition += rule.isTransition() ? 1 : 0;
          Compiled c = compile(rule.rule());
          if (c.error() != null) {
            failures.add(kind.kind() + " " + version.name() + ": " + c.error());
          }
        }
      }
    }
    return new RuleCounts(found, found - failures.size(), transition, List.copyOf(failures));
  }

  /**
   * What happened to the CEL rules of the catalog.
   *
   * @param found every rule, counted per version
   * @param compiled rules that compiled
   * @param transition rules using {@code oldSelf}, skipped when validating new objects
   * @param unsupported why each rule that did not compile failed
   */
  public record RuleCounts(int found, int compiled, int transition, List<String> unsupported) {}
}
