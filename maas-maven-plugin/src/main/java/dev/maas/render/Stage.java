package dev.maas.render;

import java.util.Objects;

/**
 * One step of the render pipeline.
 *
 * @param name the name the stage list shows
 * @param kind what the step does
 * @param folder where a generator's objects go ({@code base} or {@code argocd}); {@code null} for other kinds
 * @param step the {@link Generator}, {@link Transformer} or {@link RenderCheck}
 */
public record Stage(String name, Kind kind, String folder, Object step) {

  /** What a stage does; the pipeline runs all generators, then all transformers, then all checks. */
  public enum Kind {
    /** Adds objects. */
    GENERATOR,
    /** Changes every object. */
    TRANSFORMER,
    /** Reads the objects and changes nothing. */
    CHECK
  }

  public Stage {
    Objects.requireNonNull(name);
    Objects.requireNonNull(kind);
    Objects.requireNonNull(step);
  }

  /** A generator stage whose objects go into {@code folder}. */
  public static Stage generator(Generator generator, String folder) {
    return new Stage(generator.name(), Kind.GENERATOR, folder, generator);
  }

  /** A transformer stage. */
  public static Stage transformer(Transformer transformer) {
    return new Stage(transformer.name(), Kind.TRANSFORMER, null, transformer);
  }

  /** A check stage. */
  public static Stage check(RenderCheck check) {
    return new Stage(check.name(), Kind.CHECK, null, check);
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase(java.util.Locale.ROOT) + " " + name + (folder == null ? "" : " -> " + folder + "/");
  }
}
