package dev.maas.publish;

import dev.maas.output.ChangeType;

/**
 * One Kubernetes object a commit adds, changes or removes, as read from the YAML files.
 *
 * @param type what happens to it
 * @param kind its kind, or {@code "file"}, {@code "symlink"} or {@code "submodule"} for an entry
 *     that holds no named object
 * @param namespace its namespace, empty when it names none
 * @param name its name, or the file's path for a file that holds no named object
 * @param area where it lives under the published path: {@code base}, {@code overlays/<env>}, {@code
 *     argocd}...
 */
public record ObjectChange(
    ChangeType type, String kind, String namespace, String name, String area) {

  /**
   * Whether this stands for a whole entry of the folder (a file, a link, a submodule) rather than
   * an object.
   */
  public boolean isFile() {
    return kind.equals("file") || kind.equals("symlink") || kind.equals("submodule");
  }

  /** The commit message line, e.g. {@code changed TokenRateLimitPolicy acme-token-limits}. */
  public String line() {
    String line = type.word() + " " + kind + " " + name;
    return isFile() || area.equals("base") || area.isEmpty() ? line : line + " [" + area + "]";
  }
}
