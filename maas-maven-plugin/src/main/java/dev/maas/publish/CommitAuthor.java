package dev.maas.publish;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who the commits are made by.
 *
 * @param name the name
 * @param email the e-mail address
 */
public record CommitAuthor(String name, String email) {

  /** {@code maas <maas@localhost>}. */
  public static final CommitAuthor DEFAULT = new CommitAuthor("maas", "maas@localhost");

  private static final Pattern FORM =
      Pattern.compile("\\s*([^<>]*[^<>\\s])\\s*<([^<>\\s]+@[^<>\\s]+)>\\s*");

  /** {@code Name <email>} as Git writes it, or empty when {@code text} is not of that form. */
  public static Optional<CommitAuthor> parse(String text) {
    Matcher m = FORM.matcher(text == null ? "" : text);
    return m.matches() ? Optional.of(new CommitAuthor(m.group(1), m.group(2))) : Optional.empty();
  }

  @Override
  public String toString() {
    return name + " <" + email + ">";
  }
}
