package dev.maas.render;

import java.util.Objects;

/**
 * One step of the render pipeline: a generator, a transformer or a check, each typed, so that
 * running the list needs no cast.
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
  Kind kind();

  /**
   * A generator and the folder its objects go into.
   *
   * @param generator the generator
   * @param folder {@code base} or {@code argocd}
   */
  record Generating(Generator generator, String folder) implements Stage {
    public Generating {
      Objects.requireNonNull(generator);
      Objects.requireNonNull(folder);
    }

    @Override
    public String name() {
      return generator.name();
    }

    @Override
    public Kind kind() {
      return Kind.GENERATOR;
    }

    @Override
    public String toString() {
      return "generator " + name() + " -> " + folder + "/";
    }
  }

  /**
   * A transformer.
   *
   * @param transformer the transformer
   */
  record Transforming(Transformer transformer) implements Stage {
    public Transforming {
      Objects.requireNonNull(transformer);
    }

    @Override
    public String name() {
      return transformer.name();
    }

    @Override
    public Kind kind() {
      return Kind.TRANSFORMER;
    }

    @Override
    public String toString() {
      return "transformer " + name();
    }
  }

  /**
   * A read-only check.
   *
   * @param check the check
   */
  record Checking(RenderCheck check) implements Stage {
    public Checking {
      Objects.requireNonNull(check);
    }

    @Override
    public String name() {
      return check.name();
    }

    @Override
    public Kind kind() {
      return Kind.CHECK;
    }

    @Override
    public String toString() {
      return "check " + name();
    }
  }

  /** A generator stage whose objects go into {@code folder}. */
  static Stage generator(Generator generator, String folder) {
    return new Generating(generator, folder);
  }

  /** A transformer stage. */
  static Stage transformer(Transformer transformer) {
    return new Transforming(transformer);
  }

  /** A check stage. */
  static Stage check(RenderCheck check) {
    return new Checking(check);
  }
}
