package dev.maas.tokenservice.http;

import java.util.Optional;

/**
 * A method and a path template to a handler. A template's last segment may be a parameter, {@code
 * {name}}, which matches one non-empty segment.
 *
 * @param method the HTTP method
 * @param template the path, e.g. {@code /v1/tokens/{jti}}
 * @param handler what answers
 */
public record Route(String method, String template, Handler handler) {

  /** The parameter's value when {@code path} matches, an empty string for templates without one. */
  public Optional<String> match(String path) {
    int brace = template.indexOf('{');
    if (brace < 0) {
      return template.equals(path) ? Optional.of("") : Optional.empty();
    }
    String prefix = template.substring(0, brace);
    if (!path.startsWith(prefix) || path.length() == prefix.length()) {
      return Optional.empty();
    }
    String rest = path.substring(prefix.length());
    return rest.indexOf('/') >= 0 ? Optional.empty() : Optional.of(rest);
  }

  /** Whether the template has the path shape of {@code path}, whatever the method. */
  public boolean matchesPath(String path) {
    return match(path).isPresent();
  }
}
