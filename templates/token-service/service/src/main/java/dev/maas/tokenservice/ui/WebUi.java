package dev.maas.tokenservice.ui;

import dev.maas.tokenservice.http.Reply;
import dev.maas.tokenservice.http.Route;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Serves the Web UI under {@code /ui/}: a fixed list of files read once from the module's
 * resources, so no request path ever names a file, and {@code /ui/config.json}, which tells the
 * page where OIDC users sign in. The pages are answered with a Content-Security-Policy header (no
 * inline script or style, never framed: {@link dev.maas.tokenservice.http.SecurityHeaders}), repeat
 * it in a meta tag for a copy saved to disk, and keep the caller's credential in session storage,
 * sent as a header: no cookie, so no request can be forged across sites.
 */
public final class WebUi {

  /** The OIDC issuer the page sends people to, as the gateway's AuthPolicy trusts it. */
  public static final String OIDC_ISSUER_ENV = "MAAS_OIDC_ISSUER_URL";

  /**
   * The OIDC client the page signs in as (a public client: authorization code with PKCE, no
   * secret).
   */
  public static final String OIDC_CLIENT_ENV = "MAAS_OIDC_CLIENT_ID";

  private static final Map<String, String> FILES =
      Map.of(
          "/ui/", "index.html",
          "/ui/app.js", "app.js",
          "/ui/app.css", "app.css");

  private WebUi() {}

  /** The routes of the UI's files and its sign-in settings, read from {@code environment}. */
  public static List<Route> routes(Map<String, String> environment) {
    Map<String, Object> oidc = null;
    String issuer = environment.get(OIDC_ISSUER_ENV);
    String client = environment.get(OIDC_CLIENT_ENV);
    if (issuer != null && !issuer.isBlank() && client != null && !client.isBlank()) {
      oidc = new LinkedHashMap<>();
      oidc.put("issuerUrl", issuer.trim());
      oidc.put("clientId", client.trim());
    }
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("oidc", oidc);
    Reply settings = Reply.json(200, config);
    return List.of(
        file("/ui/"),
        file("/ui/app.js"),
        file("/ui/app.css"),
        new Route("GET", "/ui/config.json", r -> settings));
  }

  private static Route file(String path) {
    String name = FILES.get(path);
    Reply reply = new Reply(200, read(name), mediaType(name));
    return new Route("GET", path, r -> reply);
  }

  private static String mediaType(String name) {
    if (name.endsWith(".html")) {
      return "text/html; charset=utf-8";
    }
    return name.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8";
  }

  private static String read(String name) {
    try (InputStream in = WebUi.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the Web UI file " + name + " is missing from the build");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
