package dev.maas.validate.rules;

import dev.maas.model.AccessLogs;
import dev.maas.model.Platform;
import dev.maas.validate.Findings;
import dev.maas.validate.Rule;
import dev.maas.validate.SemanticRule;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * The collector exports the access logs to one place, over HTTP: Loki's URL or an OTLP endpoint,
 * each an absolute http(s) URL without credentials (those belong in Secrets, named by {@code
 * headers}), query or fragment (the exporter appends its own path).
 */
@Rule(
    summary = "an access log endpoint that is not an http(s) URL, or both Loki and OTLP named",
    inputs = "/spec/observability/logs")
public final class AccessLogEndpoints implements SemanticRule {

  private static final String LOGS = "/spec/observability/logs";

  @Override
  public void find(Platform platform, Findings findings) {
    AccessLogs logs = platform.observability() == null ? null : platform.observability().logs();
    if (logs == null) {
      return;
    }
    check(logs.lokiUrl(), LOGS + "/lokiUrl", findings);
    check(logs.otlpEndpoint(), LOGS + "/otlpEndpoint", findings);
    if (logs.lokiUrl() != null && logs.otlpEndpoint() != null) {
      findings.atKey(
          LOGS + "/otlpEndpoint",
          "the access logs go either to Loki (`lokiUrl`) or to an OTLP endpoint"
              + " (`otlpEndpoint`), not to both",
          "remove `lokiUrl` to send to the OTLP endpoint, or `otlpEndpoint` to send to Loki");
    }
  }

  private static void check(String url, String pointer, Findings findings) {
    if (url == null) {
      return;
    }
    String problem = problem(url);
    if (problem != null) {
      findings.at(
          pointer,
          "`" + url + "` " + problem,
          "write an http:// or https:// URL such as http://loki.loki.svc.cluster.local:3100;"
              + " put credentials in a Secret named under `headers`");
    }
  }

  /** What is wrong with {@code url} as an export endpoint, or {@code null}. */
  static String problem(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return "is not a URL (" + e.getReason() + ")";
    }
    if (uri.getScheme() == null
        || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
      return "is not an http:// or https:// URL";
    }
    if (uri.getHost() == null) {
      return "has no host";
    }
    if (uri.getRawUserInfo() != null) {
      return "carries a user and password, which would land in the output";
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      return "has a query or fragment, which the exporter's path would follow";
    }
    return null;
  }
}
