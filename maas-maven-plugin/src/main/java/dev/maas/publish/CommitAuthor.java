package dev.maas.publish;

/**
 * Who the commits are made by.
 *
 * @param name the name
 * @param email the e-mail address
 */
public record CommitAuthor(String name, String email) {

  /** {@code maas <maas@localhost>}. */
  public static final CommitAuthor DEFAULT = new CommitAuthor("maas", "maas@localhost");

  @Override
  public String toString() {
    return name + " <" + email + ">";
  }
}
