package dev.maas.publish;

/** What a commit does to a file or an object. */
public enum ChangeType {
  ADDED,
  CHANGED,
  REMOVED;

  /** The word used in commit messages. */
  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
