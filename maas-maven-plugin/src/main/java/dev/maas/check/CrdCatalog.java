package dev.maas.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.maas.cel.CelEngine;
import dev.maas.cel.CelExpression;
import dev.maas.cel.CelFailure;
import dev.maas.concurrent.Futures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Every CRD of a folder, parsed once: kinds by group and kind, schemas per version, CEL rules
 * compiled on first use and shared (Gateway API repeats the same rules in each version).
 */
public final class CrdCatalog {

  private static final Map<Path, CompletableFuture<CrdCatalog>> CACHE = new ConcurrentHashMap<>();

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
   * Parses every {@code .yaml}/{@code .yml} CustomResourceDefinition in {@code dir}; other
   * documents are ignored.
   *
   * @throws IOException if the folder or a file cannot be read or parsed
   */
  public static CrdCatalog load(Path dir) throws IOException {
    return load(dir, null);
  }

  /**
   * Like {@link #load(Path)}; with a {@code store} folder, the parsed CRDs are read from there when
   * the folder's files are unchanged since they were stored, and stored there otherwise.
   */
  public static CrdCatalog load(Path dir, Path store) throws IOException {
    List<Path> paths;
    try (Stream<Path> list = Files.list(dir)) {
      paths = list.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
    }
    String digest = store == null ? null : CrdStore.digest(paths);
    List<CrdStore.Document> documents = digest == null ? null : CrdStore.read(store, digest);
    if (documents == null) {
      // The KServe CRDs are 2 MB each; parsing files in parallel keeps loading near the largest
      // file's time.
      try {
        documents =
            paths.parallelStream().map(CrdCatalog::parseFile).flatMap(List::stream).toList();
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      if (digest != null) {
        CrdStore.write(store, digest, documents);
      }
    }
    List<CrdKind> parsed = documents.parallelStream().map(d -> kind(d.crd(), d.file())).toList();
    Map<String, CrdKind> kinds = new TreeMap<>();
    Set<String> crdFiles = new HashSet<>();
    for (CrdKind kind : parsed) {
      crdFiles.add(kind.file());
      kinds.put(key(kind.group(), kind.kind()), kind);
    }
    return new CrdCatalog(Collections.unmodifiableMap(kinds), crdFiles.size());
  }

  /** The catalog of {@code dir}, loaded on first request and kept for the life of the JVM. */
  public static CrdCatalog cached(Path dir) throws IOException {
    return cached(dir, null);
  }

  /**
   * The catalog of {@code dir}, loaded on first request (through {@code store}, see {@link
   * #load(Path, Path)}) and kept for the life of the JVM.
   */
  public static CrdCatalog cached(Path dir, Path store) throws IOException {
    try {
      return Futures.join(loading(dir, store));
    } catch (UncheckedIOException io) {
      throw io.getCause();
    }
  }

  /**
   * Starts loading the catalog of {@code dir} in the background, so that it is ready when the first
   * object is checked; what goes wrong is reported by {@link #cached(Path, Path)}.
   */
  public static void prefetch(Path dir, Path store) {
    loading(dir, store);
  }

  private static CompletableFuture<CrdCatalog> loading(Path dir, Path store) {
    Path key = dir.toAbsolutePath().normalize();
    CompletableFuture<CrdCatalog> failed = CACHE.get(key);
    if (failed != null && failed.isCompletedExceptionally()) {
      // A folder that could not be read is read again, as it may have been fixed since.
      CACHE.remove(key, failed);
    }
    return CACHE.computeIfAbsent(
        key,
        k ->
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    return load(k, store);
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                },
                CrdCatalog::daemon));
  }

  /**
   * Runs a load on a thread of its own that never keeps the JVM alive (a failed spec ends the run
   * early).
   */
  private static void daemon(Runnable load) {
    Thread thread = new Thread(load, "maas-crd-catalog");
    thread.setDaemon(true);
    thread.start();
  }

  private static List<CrdStore.Document> parseFile(Path file) {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(64 * 1024 * 1024);
    ObjectMapper yaml = new ObjectMapper(YAMLFactory.builder().loaderOptions(options).build());
    List<CrdStore.Document> out = new ArrayList<>();
    try (var docs = yaml.readerFor(JsonNode.class).<JsonNode>readValues(file.toFile())) {
      while (docs.hasNextValue()) {
        JsonNode doc = docs.nextValue();
        if (doc != null && "CustomResourceDefinition".equals(doc.path("kind").asText())) {
          out.add(new CrdStore.Document(file.getFileName().toString(), CrdStore.trim(doc)));
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
      String warning =
          v.path("deprecated").asBoolean(false)
              ? v.path("deprecationWarning")
                  .asText("version " + v.path("name").asText() + " is deprecated")
              : null;
      versions.put(
          v.path("name").asText(),
          new CrdKind.Version(
              v.path("name").asText(),
              v.path("served").asBoolean(false),
              warning,
              new CrdKind.ParsedOnce(schema.isObject() ? schema : null)));
    }
    return new CrdKind(
        spec.path("group").asText(),
        spec.path("names").path("kind").asText(),
        !"Cluster".equals(spec.path("scope").asText()),
        Collections.unmodifiableMap(versions),
        file);
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
    return compiled.computeIfAbsent(
        rule,
        r -> {
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
