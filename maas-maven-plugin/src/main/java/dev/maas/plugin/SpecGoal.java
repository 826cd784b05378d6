package dev.maas.plugin;

import java.io.File;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The parameters of every goal that reads specs: the specs and the warning gate.
 *
 * @param <R> the goal's request
 */
abstract class SpecGoal<R> extends MaasGoal<R> {

  /**
   * A platform spec file, or a folder whose {@code *.yaml} and {@code *.yml} files are all specs.
   */
  @Parameter(property = "maas.spec", defaultValue = "${basedir}/platform-specs")
  File spec;

  /** Fails the build when a warning is found, as for an error. */
  @Parameter(property = "maas.failOnWarning", defaultValue = "false")
  boolean failOnWarning;

  /** The spec file or folder, also outside a project. */
  Path specPath() {
    return folder().resolve(spec, "platform-specs");
  }

  /** The warning gate. */
  Gates gates() {
    return new Gates(failOnWarning, false);
  }
}
