package dev.maas.plan;

import java.nio.file.Path;

/**
 * What a plan compares the spec's output with, as {@code maas.plan.base} names it.
 *
 * <ul>
 *   <li>unset, or {@code git:} — the tip of the GitOps branch, at the GitOps path ({@code
 *       spec.gitops}, or {@code maas.git.url}, {@code maas.git.branch}, {@code maas.git.path});
 *   <li>{@code git:<ref>} — the same repository and path at a branch, tag, commit id or revision
 *       ({@code git:main}, {@code git:v1.4.0}, {@code git:3f2c1a9}, {@code git:main~1});
 *   <li>anything else — a folder of earlier output: the output folder holding {@code <platform>/},
 *       or a platform folder holding {@code base/}.
 * </ul>
 */
public sealed interface PlanBase {

  /** The prefix that makes a base a Git ref. */
  String GIT_PREFIX = "git:";

  /**
   * The GitOps repository at {@code ref}, or at its branch's tip when {@code ref} is {@code null}.
   */
  record Git(String ref) implements PlanBase {}

  /** A folder of earlier output. */
  record Folder(Path path) implements PlanBase {}

  /** Parses {@code maas.plan.base}; relative folders are resolved against {@code baseDir}. */
  static PlanBase parse(String text, Path baseDir) {
    if (text == null || text.isBlank()) {
      return new Git(null);
    }
    String value = text.strip();
    if (value.startsWith(GIT_PREFIX)) {
      String ref = value.substring(GIT_PREFIX.length()).strip();
      return new Git(ref.isEmpty() ? null : ref);
    }
    Path path = Path.of(value);
    return new Folder(path.isAbsolute() ? path : baseDir.resolve(path).normalize());
  }
}
