package dev.maas.output;

/** What a change does to a file or an object: in a plan, in a commit. */
public enum ChangeType {
  ADDED,
  CHANGED,
  REMOVED;

  /** The word used in plans and commit messages. */
  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
