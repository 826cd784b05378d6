package dev.maas.check;

import dev.maas.diag.Diagnostic;
import dev.maas.diag.SourceLocation;
import java.util.ArrayList;
import java.util.List;

/**
 * The diagnostics about one object, each starting with the object's identity and the field path.
 */
final class Findings {

  private final SourceLocation location;
  private final String identity;
  private final List<Diagnostic> diagnostics = new ArrayList<>();

  /**
   * @param identity {@code Kind/namespace/name}, or {@code Kind/name} when there is no namespace
   */
  Findings(String file, String identity) {
    this.location = SourceLocation.ofFile(file);
    this.identity = identity;
  }

  /** The identity of an object as messages name it. */
  static String identity(String kind, String namespace, String name) {
    String shownName = name == null || name.isEmpty() ? "<no name>" : name;
    return (kind == null || kind.isEmpty() ? "<no kind>" : kind)
        + "/"
        + (namespace == null || namespace.isEmpty() ? "" : namespace + "/")
        + shownName;
  }

  /** An error at {@code path} (Kubernetes' dotted form; empty for the whole object). */
  void error(String code, String path, String what, String hint) {
    diagnostics.add(Diagnostic.error(code, location, "", text(path, what), hint));
  }

  /** A warning at {@code path}. */
  void warning(String code, String path, String what, String hint) {
    diagnostics.add(Diagnostic.warning(code, location, "", text(path, what), hint));
  }

  private String text(String path, String what) {
    return identity + (path == null || path.isEmpty() ? "" : " " + path) + ": " + what;
  }

  /** Every diagnostic so far. */
  List<Diagnostic> list() {
    return List.copyOf(diagnostics);
  }
}
