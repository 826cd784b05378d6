package dev.maas.render;

import java.util.Objects;

/**
 * One step of the render pipeline: a generator, a transformer or a check, each typed, so that
 * running the list needs no cast. The pipeline names each step where it lists it, so the stage list
 * reads as one table of names.
 */
public sealed interface Stage permits Stage.Generating, Stage.Transforming, Stage.Checking {

  /**
   * What a stage does; the pipeline runs all generators, then all transformers, then all checks.
   */
  enum Kind {
    /** Adds objects. */
    GENERATOR,
    /** Changes every object. */
    TRANSFORMER,
    /** Reads the objects and changes nothing. */
    CHECK
  }

  /** The name the stage list shows. */
  String name();

  /** What the step does. */
  default Kind kind() {
    if (this instanceof Generating) {
      return Kind.GENERATOR;
    }
    return this instanceof Transforming ? Kind.TRANSFORMER : Kind.CHECK;
  }

  /**
   * A generator and the folder its objects go into.
   *
   * @param name the name the stage list shows
   * @param generator the generator
   * @param folder {@code base} or {@code argocd}
   */
  record Generating(String name, Generator generator, String folder) implements Stage {
    public Generating {
      Objects.requireNonNull(name);
      Objects.requireNonNull(generator);
      Objects.requireNonNull(folder);
    }
  }

  /**
   * A transformer.
   *
   * @param name the name the stage list shows
   * @param transformer the transformer
   */
  record Transforming(String name, Transformer transformer) implements Stage {
    public Transforming {
      Objects.requireNonNull(name);
      Objects.requireNonNull(transformer);
    }
  }

  /**
   * A read-only check.
   *
   * @param name the name the stage list shows
   * @param check the check
   */
  record Checking(String name, RenderCheck check) implements Stage {
    public Checking {
      Objects.requireNonNull(name);
      Objects.requireNonNull(check);
    }
  }

  /** A generator stage named {@code name} whose objects go into {@code folder}. */
  static Stage generator(String name, Generator generator, String folder) {
    return new Generating(name, generator, folder);
  }

  /** A transformer stage named {@code name}. */
  static Stage transformer(String name, Transformer transformer) {
    return new Transforming(name, transformer);
  }

  /** A check stage named {@code name}. */
  static Stage check(String name, RenderCheck check) {
    return new Checking(name, check);
  }
}
