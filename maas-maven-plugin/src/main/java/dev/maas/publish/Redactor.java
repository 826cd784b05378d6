package dev.maas.publish;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Removes credentials from every text that leaves the publisher: URLs with user information, and
 * the secret itself.
 */
final class Redactor {

  /**
   * A scheme, then user information up to the LAST {@code @} before the path: JGit's {@code URIish}
   * reads a raw {@code @} in a password that way, so stopping at the first one would print the rest
   * of the password.
   */
  private static final Pattern USERINFO =
      Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://)[^/\\\\\\s]*@");

  /** Shorter secrets would blank out ordinary words; they cannot be told apart from text. */
  private static final int MIN_SECRET_LENGTH = 4;

  private final List<String> secrets;

  Redactor(GitCredentials credentials, String repoUrl) {
    List<String> found = new ArrayList<>();
    if (credentials.secret() != null) {
      found.add(credentials.secret());
    }
    var userinfo = USERINFO.matcher(repoUrl);
    if (userinfo.find()) {
      String info = repoUrl.substring(userinfo.end(1), userinfo.end() - 1);
      int colon = info.indexOf(':');
      if (colon >= 0) {
        String password = info.substring(colon + 1);
        found.add(password);
        // JGit decodes %XX in the password before it sends or reports it.
        found.add(decoded(password));
      }
    }
    List<String> withEncodings = new ArrayList<>();
    for (String secret : found) {
      if (secret.length() >= MIN_SECRET_LENGTH) {
        withEncodings.add(secret);
        withEncodings.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
      }
    }
    // Longest first, so a secret containing another is replaced whole.
    withEncodings.sort((a, b) -> Integer.compare(b.length(), a.length()));
    this.secrets = List.copyOf(withEncodings);
  }

  /**
   * Whether {@code url} carries user information (a user, perhaps with a password) before its host.
   */
  static boolean hasUserInfo(String url) {
    return url != null && USERINFO.matcher(url).lookingAt();
  }

  private static String decoded(String text) {
    try {
      return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notEncoded) {
      return text;
    }
  }

  /** {@code https://user:pw@host/x} → {@code https://***@host/x}. */
  static String url(String url) {
    return url == null ? null : USERINFO.matcher(url).replaceAll("$1***@");
  }

  /** The message of {@code e} (the word {@code null} when it has none), scrubbed. */
  String scrub(Exception e) {
    return scrub(String.valueOf(e.getMessage()));
  }

  /** {@code text} with URL user information and the known secrets replaced by {@code ***}. */
  String scrub(String text) {
    if (text == null) {
      return "";
    }
    String out = url(text);
    for (String secret : secrets) {
      out = out.replace(secret, "***");
    }
    return out;
  }
}
