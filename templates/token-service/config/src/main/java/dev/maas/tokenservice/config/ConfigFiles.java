package dev.maas.tokenservice.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The config as files: {@code config.json} alone, or, when the whole would exceed {@link
 * #MAX_FILE_BYTES}, {@code config.json} without the models and the tiers' model lists, plus {@code
 * models-1.json} … {@code models-<n>.json}, each a {@link ModelShard} of consecutive models in spec
 * order with the tiers' lists cut to them, and at most {@link #MAX_FILE_BYTES}. Both grow with the
 * models, so both move; the main file keeps what grows with the tiers only. Kubernetes holds at
 * most 1 MiB of data in a ConfigMap, so each file goes to a ConfigMap of its own; {@code
 * config.json} names every shard with its model count and SHA-256, so that a missing, extra or
 * stale shard stops the service instead of shrinking its catalogue.
 */
public final class ConfigFiles {

  /** The main file's name, and its ConfigMap key. */
  public static final String MAIN = "config.json";

  /**
   * The largest file written: half of the 1 MiB of data Kubernetes accepts in a ConfigMap, so that
   * a shard stays far from the cap, and a catalogue near the threshold is split before it nears it.
   */
  public static final int MAX_FILE_BYTES = 512 * 1024;

  private static final Pattern SHARD_FILE = Pattern.compile("models-([0-9]+)\\.json");

  private ConfigFiles() {}

  /** The name of shard {@code n} (from 1): {@code models-<n>.json}. */
  public static String shardFile(int n) {
    return "models-" + n + ".json";
  }

  /**
   * The files of {@code config}, in order: {@code config.json} first, then the shards, if any, by
   * number. Each file is at most {@code maxFileBytes} of UTF-8. Same config, same files. In a split
   * config, a tier that lists its models has an empty list in {@code config.json}, and its models
   * come back from the shards in spec order.
   *
   * @throws IllegalArgumentException when a single model's entry exceeds {@code maxFileBytes}
   */
  public static Map<String, String> split(ServiceConfig config, JsonCodec codec, int maxFileBytes) {
    ServiceConfig whole = config.withTiersAndModels(config.tiers(), config.models(), null);
    String text = codec.write(whole);
    Map<String, String> files = new LinkedHashMap<>();
    if (utf8(text) <= maxFileBytes || config.models().isEmpty()) {
      files.put(MAIN, text);
      return files;
    }
    List<TierEntry> listing = config.tiers().stream().filter(t -> t.models() != null).toList();
    // Each tier's models as a set: a list's contains() for every model and tier made a platform of
    // thousands of models quadratic here.
    List<Set<String>> listed =
        listing.stream().map(t -> (Set<String>) new HashSet<>(t.models())).toList();
    List<List<ModelEntry>> groups =
        new Packing(codec, listing, maxFileBytes).pack(config.models(), listed);
    List<ShardRef> refs = new ArrayList<>();
    Map<String, String> shards = new LinkedHashMap<>();
    for (int i = 0; i < groups.size(); i++) {
      String name = shardFile(i + 1);
      List<ModelEntry> group = groups.get(i);
      Map<String, List<String>> tierModels = new LinkedHashMap<>();
      for (int t = 0; t < listing.size(); t++) {
        Set<String> names = listed.get(t);
        tierModels.put(
            listing.get(t).name(),
            group.stream().map(ModelEntry::name).filter(names::contains).toList());
      }
      String shard = codec.write(new ModelShard(i + 1, groups.size(), group, tierModels));
      if (utf8(shard) > maxFileBytes) {
        throw new IllegalStateException(
            name + " came to " + utf8(shard) + " bytes, over the bound of " + maxFileBytes);
      }
      refs.add(new ShardRef(name, group.size(), sha256(shard)));
      shards.put(name, shard);
    }
    List<TierEntry> tiers = config.tiers().stream().map(t -> t.withListed(List.of())).toList();
    files.put(MAIN, codec.write(config.withTiersAndModels(tiers, List.of(), refs)));
    files.putAll(shards);
    return files;
  }

  /**
   * Cuts the models into consecutive runs that each fit {@code maxFileBytes} once written with the
   * tiers' lists. Costs are measured in place, so the codec's indentation and separators count as
   * it writes them: an entry's as the growth of a shard written with it alone over an empty one; a
   * name in a tier's list as its JSON string plus the separator a second name adds. The separators
   * measured once are added to every item, so the sum never falls short of the shard's size.
   */
  private static final class Packing {

    private final JsonCodec codec;
    private final List<TierEntry> listing;
    private final int maxFileBytes;
    private final int budget;
    private final int emptyShard;
    private final int entrySeparator;
    private final int nameSeparator;

    Packing(JsonCodec codec, List<TierEntry> listing, int maxFileBytes) {
      this.codec = codec;
      this.listing = listing;
      this.maxFileBytes = maxFileBytes;
      this.budget = maxFileBytes - size(Integer.MAX_VALUE, List.of(), names(List.of()));
      this.emptyShard = size(1, List.of(), Map.of());
      ModelEntry probe = new ModelEntry("m", "n", "d", "u", "p");
      int once = size(1, List.of(probe), Map.of());
      int twice = size(1, List.of(probe, probe), Map.of());
      this.entrySeparator = Math.max(0, (twice - once) - (once - emptyShard));
      int none = size(1, List.of(), Map.of("t", List.of()));
      int one = size(1, List.of(), Map.of("t", List.of("m")));
      int two = size(1, List.of(), Map.of("t", List.of("m", "m")));
      this.nameSeparator = Math.max(one - none, two - one) - jsonString("m");
    }

    private int size(int n, List<ModelEntry> models, Map<String, List<String>> tierModels) {
      return utf8(codec.write(new ModelShard(n, n, models, tierModels)));
    }

    private Map<String, List<String>> names(List<String> names) {
      Map<String, List<String>> out = new LinkedHashMap<>();
      listing.forEach(t -> out.put(t.name(), names));
      return out;
    }

    /** {@code models} in runs; {@code listed} holds the models of each tier of the listing. */
    List<List<ModelEntry>> pack(List<ModelEntry> models, List<Set<String>> listed) {
      List<List<ModelEntry>> groups = new ArrayList<>();
      List<ModelEntry> group = new ArrayList<>();
      long used = 0;
      for (ModelEntry model : models) {
        long cost = size(1, List.of(model), Map.of()) - emptyShard + entrySeparator;
        for (Set<String> names : listed) {
          if (names.contains(model.name())) {
            cost += jsonString(model.name()) + nameSeparator;
          }
        }
        if (cost > budget) {
          throw new IllegalArgumentException(
              "model "
                  + model.name()
                  + " alone takes "
                  + cost
                  + " bytes of a "
                  + maxFileBytes
                  + "-byte config file");
        }
        if (used + cost > budget) {
          groups.add(group);
          group = new ArrayList<>();
          used = 0;
        }
        group.add(model);
        used += cost;
      }
      groups.add(group);
      return groups;
    }
  }

  /**
   * The most bytes {@code text} takes as a JSON string: quotes, escapes, and non-ASCII as the
   * six-character escape a mapper that escapes it writes (UTF-8 takes fewer).
   */
  private static int jsonString(String text) {
    int n = 2;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      n += c == '"' || c == '\\' ? 2 : c < 0x20 || c >= 0x80 ? 6 : 1;
    }
    return n;
  }

  /**
   * The config {@code mainFile} and the shards beside it hold, with every model in place: the
   * service's view of a mounted config directory.
   *
   * @throws IOException when a file cannot be read, or the shards are not the ones {@code
   *     config.json} names
   */
  public static ServiceConfig read(Path mainFile, JsonCodec codec) throws IOException {
    ServiceConfig main = codec.read(Files.readString(mainFile), ServiceConfig.class);
    Map<String, String> shards = new TreeMap<>();
    Path dir = mainFile.toAbsolutePath().getParent();
    try (Stream<Path> entries = Files.list(dir)) {
      for (Path p : (Iterable<Path>) entries::iterator) {
        String name = p.getFileName().toString();
        if (SHARD_FILE.matcher(name).matches()) {
          shards.put(name, Files.readString(p));
        }
      }
    }
    try {
      return join(main, shards, codec);
    } catch (IllegalArgumentException e) {
      throw new IOException(dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * {@code main} with the models of the shards it names, taken from {@code shardFiles} (file name
   * to text: every {@code models-<n>.json} present, named or not).
   *
   * @throws IllegalArgumentException when a named shard is missing, differs from what {@code main}
   *     names, or repeats a model, or when a shard is present that {@code main} does not name
   * @throws IOException when a shard cannot be parsed
   */
  public static ServiceConfig join(
      ServiceConfig main, Map<String, String> shardFiles, JsonCodec codec) throws IOException {
    List<ShardRef> refs = main.modelShards() == null ? List.of() : main.modelShards();
    for (String present : shardFiles.keySet()) {
      if (refs.stream().noneMatch(r -> r.file().equals(present))) {
        throw new IllegalArgumentException(
            present
                + " is present but "
                + MAIN
                + " names "
                + describe(refs)
                + ": it is left from another config, remove it");
      }
    }
    if (main.modelShards() == null) {
      return main;
    }
    if (!main.models().isEmpty()) {
      throw new IllegalArgumentException(
          MAIN + " holds models and also names model shards; a config holds one or the other");
    }
    List<ModelEntry> models = new ArrayList<>();
    Map<String, String> shardOf = new HashMap<>();
    Set<String> listing = new LinkedHashSet<>();
    main.tiers().stream().filter(t -> t.models() != null).forEach(t -> listing.add(t.name()));
    Map<String, List<String>> tierModels = new LinkedHashMap<>();
    listing.forEach(t -> tierModels.put(t, new ArrayList<>()));
    for (int i = 0; i < refs.size(); i++) {
      ShardRef ref = refs.get(i);
      if (!ref.file().equals(shardFile(i + 1))) {
        throw new IllegalArgumentException(
            MAIN + " names " + ref.file() + " as shard " + (i + 1) + " of " + refs.size());
      }
      String text = shardFiles.get(ref.file());
      if (text == null) {
        throw new IllegalArgumentException(
            ref.file() + " is missing; " + MAIN + " names " + describe(refs));
      }
      if (!sha256(text).equals(ref.sha256())) {
        throw new IllegalArgumentException(
            ref.file()
                + " is not the shard "
                + MAIN
                + " names (SHA-256 "
                + sha256(text)
                + ", expected "
                + ref.sha256()
                + "): the files come from different compilations");
      }
      ModelShard shard = codec.read(text, ModelShard.class);
      if (shard.shard() != i + 1
          || shard.shards() != refs.size()
          || shard.models().size() != ref.models()) {
        throw new IllegalArgumentException(
            ref.file()
                + " says it is shard "
                + shard.shard()
                + " of "
                + shard.shards()
                + " with "
                + shard.models().size()
                + " models; "
                + MAIN
                + " expects shard "
                + (i + 1)
                + " of "
                + refs.size()
                + " with "
                + ref.models());
      }
      Set<String> here = new HashSet<>();
      for (ModelEntry m : shard.models()) {
        String earlier = shardOf.putIfAbsent(m.name(), ref.file());
        if (earlier != null) {
          throw new IllegalArgumentException(
              "model " + m.name() + " is in both " + earlier + " and " + ref.file());
        }
        here.add(m.name());
        models.add(m);
      }
      if (!shard.tierModels().keySet().equals(listing)) {
        throw new IllegalArgumentException(
            ref.file()
                + " lists the models of tiers "
                + shard.tierModels().keySet()
                + "; "
                + MAIN
                + " has model lists for "
                + listing);
      }
      for (Map.Entry<String, List<String>> tier : shard.tierModels().entrySet()) {
        for (String name : tier.getValue()) {
          if (!here.contains(name)) {
            throw new IllegalArgumentException(
                ref.file() + " gives tier " + tier.getKey() + " model " + name + ", not in it");
          }
        }
        tierModels.get(tier.getKey()).addAll(tier.getValue());
      }
    }
    List<TierEntry> tiers =
        main.tiers().stream().map(t -> t.withListed(tierModels.get(t.name()))).toList();
    return main.withTiersAndModels(tiers, models, null);
  }

  private static String describe(List<ShardRef> refs) {
    return refs.isEmpty()
        ? "no model shards"
        : refs.size()
            + " model shards ("
            + refs.get(0).file()
            + " to "
            + refs.get(refs.size() - 1).file()
            + ")";
  }

  /** The SHA-256 of {@code text}'s UTF-8 bytes, lower-case hex. */
  public static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int utf8(String text) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        n += 1;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c)) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }
}
