package dev.maas.validate.rules;

import dev.maas.model.Platform;
import dev.maas.validate.Findings;
import dev.maas.validate.Rule;
import dev.maas.validate.SemanticRule;

/** Hostnames are DNS names: every label at most 63 characters, the whole at most 253. */
@Rule(
    summary = "a hostname with a label over 63 characters or over 253 characters in all",
    inputs = {"/spec/gateway", "/spec/environments"})
public final class HostnameLengths implements SemanticRule {

  private static final int MAX_LABEL = 63;
  private static final int MAX_NAME = 253;

  @Override
  public void find(Platform platform, Findings findings) {
    check(platform.gateway().hostname(), "/spec/gateway/hostname", findings);
    if (findings.written("/spec/environments")) {
      for (int i = 0; i < platform.environments().size(); i++) {
        check(
            platform.environments().get(i).hostname(),
            "/spec/environments/" + i + "/gateway/hostname",
            findings);
      }
    }
  }

  private void check(String hostname, String pointer, Findings findings) {
    if (hostname == null) {
      return;
    }
    if (hostname.length() > MAX_NAME) {
      findings.at(
          pointer,
          "hostname has " + hostname.length() + " characters; a DNS name has at most " + MAX_NAME,
          "use a shorter hostname");
      return;
    }
    for (String label : hostname.split("\\.")) {
      if (label.length() > MAX_LABEL) {
        findings.at(
            pointer,
            "the part `"
                + label
                + "` of hostname `"
                + hostname
                + "` has "
                + label.length()
                + " characters; each dot-separated part of a DNS name has at most "
                + MAX_LABEL,
            "shorten that part to at most " + MAX_LABEL + " characters");
      }
    }
  }
}
