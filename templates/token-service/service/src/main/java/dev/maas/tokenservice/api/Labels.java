package dev.maas.tokenservice.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.maas.tokenservice.http.Refusal;

/** A token's label: a short name the caller gives it to tell tokens apart in the list. */
final class Labels {

  static final int MAX_LENGTH = 64;

  private Labels() {}

  /** The label, or null when none is asked for. */
  static String of(JsonNode requested) throws Refusal {
    if (requested.isMissingNode() || requested.isNull()) {
      return null;
    }
    String label = requested.isTextual() ? requested.asText() : null;
    if (label == null
        || label.isEmpty()
        || label.length() > MAX_LENGTH
        || label.codePoints().anyMatch(Character::isISOControl)) {
      throw Refusal.badRequest(
          "a label is text of 1 to " + MAX_LENGTH + " characters without control characters");
    }
    return label;
  }
}
