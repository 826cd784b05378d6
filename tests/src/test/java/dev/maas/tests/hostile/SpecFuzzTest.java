package dev.maas.tests.hostile;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maas.api.GenerateRequest;
import dev.maas.api.GenerateResult;
import dev.maas.api.MaasCompiler;
import dev.maas.diag.Diagnostic;
import dev.maas.tests.synthetic.SyntheticSpecs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Mutates valid specs (the reference spec and synthetic ones) at random: deleted, duplicated and
 * retyped keys, hostile strings, extreme numbers, dropped items, reordered tiers and models. For
 * every mutant the compiler either writes output that passes its own CRD and CEL checks, or answers
 * with located errors; never with any other exception.
 */
class SpecFuzzTest {

  static final List<String> HOSTILE_STRINGS =
      List.of(
          "x\" || true || \"",
          "x\"||true||\"",
          "\\",
          "\"",
          "'",
          "a\\\"b",
          "${jndi:ldap://x}",
          "{{.}}",
          "../../etc",
          "\u0430dmin",
          "\uff11",
          "a\u200db",
          "\u202e",
          "\u0000",
          "\n",
          "line\nbreak",
          "\t",
          "",
          " ",
          "-",
          "a:",
          "*a",
          "&a",
          "!!str",
          "null",
          "true",
          "0x10",
          "1e3",
          "010",
          "\ud83d\ude00",
          "free",
          "premium",
          "llama-70b",
          "premium-llama-70b",
          "a".repeat(300),
          "x".repeat(70_000),
          "maas:acme",
          "system:authenticated",
          "/v1/models",
          "https://u:p@h/x",
          "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.",
          "AKIAIOSFODNN7EXAMPLE");
  static final List<Object> EXTREME_NUMBERS =
      List.of(
          0L,
          -1L,
          1L,
          Long.MAX_VALUE,
          Long.MIN_VALUE,
          9007199254740991L,
          9007199254740992L,
          Integer.MAX_VALUE + 1L,
          1e308,
          -0.0,
          0.5,
          Double.NaN,
          Double.POSITIVE_INFINITY,
          new java.math.BigInteger("99999999999999999999999"));

  private static final AtomicInteger CASES = new AtomicInteger();
  private static final AtomicInteger WRITTEN = new AtomicInteger();
  private static final AtomicInteger REFUSED = new AtomicInteger();
  private static final Path WORK;

  static {
    try {
      WORK = Files.createTempDirectory("maas-fuzz");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final String REFERENCE =
      read(Path.of(System.getProperty("maas.repoRoot", "..")).resolve("platform-specs/acme.yaml"));
  private static final List<String> BASES =
      List.of(REFERENCE, SyntheticSpecs.spec(3, 3, 2), SyntheticSpecs.spec(6, 4, 1));

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Provide
  Arbitrary<Integer> bases() {
    return Arbitraries.integers().between(0, BASES.size() - 1);
  }

  @Property(tries = 900, shrinking = net.jqwik.api.ShrinkingMode.OFF)
  void aMutantCompilesCleanlyOrFailsWithLocatedErrors(@ForAll("bases") int base, @ForAll long seed)
      throws IOException {
    Random random = new Random(seed);
    String mutant = mutate(BASES.get(base), random);
    int n = CASES.incrementAndGet();
    Path dir = WORK.resolve("case-" + n);
    Files.createDirectories(dir);
    Path spec = dir.resolve("spec.yaml");
    Files.write(spec, mutant.getBytes(StandardCharsets.UTF_8));
    GenerateResult result;
    try {
      result =
          new MaasCompiler()
              .generate(
                  new GenerateRequest(
                      dir,
                      spec,
                      dir.resolve("out"),
                      Path.of(System.getProperty("maas.crds", "../../shared/crds")),
                      null,
                      "fuzz",
                      true));
    } catch (RuntimeException | StackOverflowError e) {
      throw new AssertionError(
          "the compiler threw on this spec (seed " + seed + "):\n" + head(mutant), e);
    }
    if (result.validation().errors() > 0) {
      REFUSED.incrementAndGet();
      for (Diagnostic d : result.validation().diagnostics()) {
        assertTrue(
            d.location().line() > 0
                || Set.of("yaml.tooLarge", "yaml.tooManyAliases").contains(d.code()),
            () -> "not located: " + d.render() + "\n" + head(mutant));
      }
      assertTrue(result.written().isEmpty());
    } else {
      assertTrue(
          result.checks().stream().noneMatch(Diagnostic::isError),
          () ->
              "a valid spec compiled into output that fails its own checks (seed "
                  + seed
                  + "): "
                  + result.checks()
                  + "\n"
                  + head(mutant));
      assertTrue(!result.written().isEmpty(), "nothing written for a valid spec");
      WRITTEN.incrementAndGet();
    }
    deleteTree(dir);
  }

  @AfterContainer
  static void report() throws IOException {
    System.out.printf(
        "fuzz: %d mutants, %d compiled and passed their checks, %d refused with located errors%n",
        CASES.get(), WRITTEN.get(), REFUSED.get());
    deleteTree(WORK);
  }

  private static String head(String text) {
    return text.length() > 4000 ? text.substring(0, 4000) + "…" : text;
  }

  private static void deleteTree(Path root) throws IOException {
    if (Files.exists(root)) {
      try (var walk = Files.walk(root)) {
        for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  // ---- mutations

  /**
   * Applies one to four mutations; most on the parsed tree, some on the text (what a tree cannot
   * hold).
   */
  static String mutate(String spec, Random random) {
    int count = 1 + random.nextInt(4);
    Object tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(spec);
    List<String> textual = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int kind = random.nextInt(10);
      switch (kind) {
        case 0 -> deleteKey(tree, random);
        case 1 -> changeType(tree, random);
        case 2, 3 -> replaceString(tree, random);
        case 4 -> replaceNumber(tree, random);
        case 5 -> dropItem(tree, random);
        case 6 -> reorder(tree, random);
        case 7 -> addKey(tree, random);
        default -> textual.add(random.nextBoolean() ? "duplicate" : "tab");
      }
    }
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setWidth(Integer.MAX_VALUE);
    String text = new Yaml(options).dump(tree);
    for (String t : textual) {
      text = t.equals("duplicate") ? duplicateLine(text, random) : insertTab(text, random);
    }
    return text;
  }

  /** A place in the tree that holds a value: a mapping and a key, or a list and an index. */
  private record Slot(Object parent, Object key) {
    Object get() {
      return parent instanceof Map<?, ?> m ? m.get(key) : ((List<?>) parent).get((Integer) key);
    }

    @SuppressWarnings("unchecked")
    void set(Object value) {
      if (parent instanceof Map<?, ?> m) {
        ((Map<Object, Object>) m).put(key, value);
      } else {
        ((List<Object>) parent).set((Integer) key, value);
      }
    }
  }

  private static List<Slot> slots(Object node) {
    List<Slot> out = new ArrayList<>();
    collect(node, out);
    return out;
  }

  private static void collect(Object node, List<Slot> out) {
    if (node instanceof Map<?, ?> map) {
      for (Object key : new ArrayList<>(map.keySet())) {
        out.add(new Slot(map, key));
        collect(map.get(key), out);
      }
    } else if (node instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        out.add(new Slot(list, i));
        collect(list.get(i), out);
      }
    }
  }

  private static <T> T pick(List<T> list, Random random) {
    return list.isEmpty() ? null : list.get(random.nextInt(list.size()));
  }

  private static void deleteKey(Object tree, Random random) {
    Slot slot = pick(slots(tree).stream().filter(s -> s.parent() instanceof Map).toList(), random);
    if (slot != null) {
      ((Map<?, ?>) slot.parent()).remove(slot.key());
    }
  }

  private static void changeType(Object tree, Random random) {
    Slot slot = pick(slots(tree), random);
    if (slot != null) {
      // Fresh, mutable containers: later mutations may drop items from them or add keys to them.
      List<Object> values =
          new ArrayList<>(
              List.of(
                  new ArrayList<>(List.of("a")),
                  new LinkedHashMap<>(Map.of("k", "v")),
                  7L,
                  true,
                  "text",
                  new ArrayList<>()));
      values.add(null);
      slot.set(values.get(random.nextInt(values.size())));
    }
  }

  private static void replaceString(Object tree, Random random) {
    Slot slot = pick(slots(tree).stream().filter(s -> s.get() instanceof String).toList(), random);
    if (slot != null) {
      String hostile = pick(HOSTILE_STRINGS, random);
      slot.set(random.nextInt(4) == 0 ? slot.get() + hostile : hostile);
    }
  }

  private static void replaceNumber(Object tree, Random random) {
    Slot slot = pick(slots(tree).stream().filter(s -> s.get() instanceof Number).toList(), random);
    if (slot != null) {
      slot.set(pick(EXTREME_NUMBERS, random));
    }
  }

  private static void dropItem(Object tree, Random random) {
    Slot slot =
        pick(
            slots(tree).stream().filter(s -> s.get() instanceof List<?> l && !l.isEmpty()).toList(),
            random);
    if (slot != null) {
      List<?> list = (List<?>) slot.get();
      list.remove(random.nextInt(list.size()));
    }
  }

  private static void reorder(Object tree, Random random) {
    Slot slot =
        pick(
            slots(tree).stream().filter(s -> s.get() instanceof List<?> l && l.size() > 1).toList(),
            random);
    if (slot != null) {
      Collections.shuffle((List<?>) slot.get(), random);
    }
  }

  @SuppressWarnings("unchecked")
  private static void addKey(Object tree, Random random) {
    Slot slot = pick(slots(tree).stream().filter(s -> s.get() instanceof Map).toList(), random);
    if (slot != null) {
      Map<Object, Object> map = (Map<Object, Object>) slot.get();
      Map<Object, Object> copy = new LinkedHashMap<>(map);
      copy.put(pick(HOSTILE_STRINGS, random), pick(HOSTILE_STRINGS, random));
      slot.set(copy);
    }
  }

  private static String duplicateLine(String text, Random random) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    int i = random.nextInt(Math.max(1, lines.size() - 1));
    lines.add(i + 1, lines.get(i));
    return String.join("\n", lines);
  }

  private static String insertTab(String text, Random random) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    int i = random.nextInt(Math.max(1, lines.size() - 1));
    lines.set(i, "\t" + lines.get(i));
    return String.join("\n", lines);
  }
}
