package dev.maas.commandline.platform;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * A {@code generate} command line of the plainest form, read without picocli: the unchanged run
 * answers from it before the command model exists. The option names here are the ones the picocli
 * command declares.
 *
 * @param spec the spec file or folder
 * @param output the output folder
 * @param crds the CRD folder, or {@code null}
 * @param overlays the overlays folder, or {@code null}
 * @param failOnWarning whether a warning fails the run
 */
record GenerateArguments(Path spec, Path output, Path crds, Path overlays, boolean failOnWarning) {

  static final String COMMAND = "generate";
  static final String SPEC = "--spec";
  static final String SPEC_DEFAULT = "platform-specs";
  static final String OUTPUT = "--output";
  static final String OUTPUT_DEFAULT = "target/maas";
  static final String CRDS = "--crds";
  static final String OVERLAYS = "--overlays";
  static final String FAIL_ON_WARNING = "--fail-on-warning";

  /**
   * {@code args} when they are {@code generate} with nothing but {@code --spec}, {@code --output},
   * {@code --crds}, {@code --overlays} (each at most once, {@code --name value} or {@code
   * --name=value}) and {@code --fail-on-warning}; otherwise {@code null}, and picocli reads them.
   * Whatever picocli would read differently or refuse — another option, a repeated one, a value
   * that looks like an option, an {@code @file}, {@code --} — is left to it.
   */
  static GenerateArguments plain(String[] args) {
    if (args.length == 0 || !COMMAND.equals(args[0])) {
      return null;
    }
    String[] values = new String[4];
    boolean failOnWarning = false;
    for (int i = 1; i < args.length; i++) {
      String arg = args[i];
      if (FAIL_ON_WARNING.equals(arg)) {
        if (failOnWarning) {
          return null;
        }
        failOnWarning = true;
        continue;
      }
      int equals = arg.indexOf('=');
      String name = equals < 0 ? arg : arg.substring(0, equals);
      int slot = slot(name);
      if (slot < 0 || values[slot] != null) {
        return null;
      }
      String value;
      if (equals >= 0) {
        value = arg.substring(equals + 1);
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        return null;
      }
      if (value.isEmpty() || value.charAt(0) == '-' || value.charAt(0) == '@') {
        return null;
      }
      values[slot] = value;
    }
    try {
      return new GenerateArguments(
          Path.of(values[0] == null ? SPEC_DEFAULT : values[0]),
          Path.of(values[1] == null ? OUTPUT_DEFAULT : values[1]),
          values[2] == null ? null : Path.of(values[2]),
          values[3] == null ? null : Path.of(values[3]),
          failOnWarning);
    } catch (InvalidPathException e) {
      // picocli says which option's value is not a path.
      return null;
    }
  }

  private static int slot(String name) {
    switch (name) {
      case SPEC:
        return 0;
      case OUTPUT:
        return 1;
      case CRDS:
        return 2;
      case OVERLAYS:
        return 3;
      default:
        return -1;
    }
  }
}
