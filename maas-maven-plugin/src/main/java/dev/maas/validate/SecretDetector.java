package dev.maas.validate;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises secret material in text: private keys, JWTs, well-known API token formats, passwords
 * in URLs and long high-entropy strings. A spec is committed to Git and its values are copied into
 * the output, so none of these may appear in either; the detectors name what they found, never the
 * value.
 *
 * <p>Certificates ({@code BEGIN CERTIFICATE}) and public keys are public material and are not
 * reported.
 */
public final class SecretDetector {

  /**
   * One kind of secret.
   *
   * @param kind what it is, in words, e.g. "a private key (PEM block)"
   * @param pattern where it is in a text
   */
  private record Detector(String kind, Pattern pattern) {}

  // Possessive quantifiers and literal starts keep every pattern linear: values can be megabytes
  // long.
  private static final List<Detector> DETECTORS =
      List.of(
          // A header alone (as in code that parses keys) is no key: key material must follow it.
          new Detector(
              "a private key (PEM block)",
              Pattern.compile(
                  "-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY( BLOCK)?-----\\s*+[A-Za-z0-9+/]{16}")),
          new Detector(
              "a JSON Web Token",
              Pattern.compile("eyJ[A-Za-z0-9_-]{8,}+\\.eyJ[A-Za-z0-9_-]{8,}+\\.")),
          new Detector(
              "a GitHub token",
              Pattern.compile("\\b(gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})")),
          new Detector("a GitLab token", Pattern.compile("\\bglpat-[A-Za-z0-9_-]{20,}")),
          new Detector("a Slack token", Pattern.compile("\\bxox[abposr]-[A-Za-z0-9-]{10,}")),
          new Detector("an AWS access key id", Pattern.compile("\\b(AKIA|ASIA)[0-9A-Z]{16}\\b")),
          new Detector("a password in a URL", Pattern.compile("://[^/?#@\\s:]*+:[^/?#@\\s]++@")));

  private static final Pattern PUBLIC_PEM =
      Pattern.compile(
          "-----BEGIN (CERTIFICATE|PUBLIC KEY|X509 CRL|CERTIFICATE REQUEST)-----[A-Za-z0-9+/=\\s]*+(-----END [A-Z0-9 ]++-----)?");

  /** Runs of the characters of base64, base64url and hex; secrets are made of these. */
  private static final Pattern RUN = Pattern.compile("[A-Za-z0-9+/=_-]{" + 32 + ",}");

  /**
   * Bits of Shannon entropy per character above which a long mixed run is taken for random key
   * material.
   */
  static final double ENTROPY_BITS = 4.2;

  /** The same for a whole run of 32 or more characters, separators included. */
  static final double WHOLE_RUN_BITS = 4.5;

  private SecretDetector() {}

  /** What kind of secret {@code text} holds, or empty when it looks like none. */
  public static Optional<String> find(String text) {
    if (text == null || text.length() < 16) {
      return Optional.empty();
    }
    for (Detector detector : DETECTORS) {
      if (detector.pattern().matcher(text).find()) {
        return Optional.of(detector.kind());
      }
    }
    // Certificates and public keys are random-looking by nature and public: their bodies are not
    // keys.
    Matcher run = RUN.matcher(PUBLIC_PEM.matcher(text).replaceAll(" "));
    while (run.find()) {
      if (looksRandom(run.group())) {
        return Optional.of("a long high-entropy string (a key or token)");
      }
    }
    return Optional.empty();
  }

  /**
   * Whether a run mixes upper case, lower case and digits and is close to random: hex digests (one
   * case) and words joined by dashes (low entropy, long alphabetic stretches) are not.
   */
  static boolean looksRandom(String run) {
    boolean upper = run.chars().anyMatch(Character::isUpperCase);
    boolean lower = run.chars().anyMatch(Character::isLowerCase);
    boolean digit = run.chars().anyMatch(Character::isDigit);
    if (!(upper && lower && digit)) {
      return false;
    }
    // Base64 keys hold '/' too: a whole run this random is a key whatever its separators.
    if (entropy(run) >= WHOLE_RUN_BITS) {
      return true;
    }
    // Paths and names split by separators are made of short readable parts, not one random blob.
    for (String part : run.split("[/_=.-]")) {
      if (part.length() >= 24 && entropy(part) >= ENTROPY_BITS) {
        return true;
      }
    }
    return false;
  }

  /** Shannon entropy of {@code s} in bits per character. */
  static double entropy(String s) {
    int[] counts = new int[128];
    int other = 0;
    for (char c : s.toCharArray()) {
      if (c < 128) {
        counts[c]++;
      } else {
        other++;
      }
    }
    double bits = 0;
    for (int n : counts) {
      if (n > 0) {
        double p = (double) n / s.length();
        bits -= p * Math.log(p) / Math.log(2);
      }
    }
    if (other > 0) {
      double p = (double) other / s.length();
      bits -= p * Math.log(p) / Math.log(2);
    }
    return bits;
  }
}
