package dev.maas.tests.publish;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * Git's smart HTTP protocol on 127.0.0.1: the JDK's HTTP server hands each request to {@code git
 * http-backend} (as CGI), behind HTTP basic authentication with one user and password.
 */
final class HttpGitServer implements AutoCloseable {

  private final HttpServer server;
  private final Path root;
  private final String expectedAuthorization;

  HttpGitServer(Path root, String user, String password) throws IOException {
    this.root = root;
    this.expectedAuthorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
  }

  /** The URL of repository {@code name}.git, without credentials. */
  String url(String name) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + name + ".git";
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!expectedAuthorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"git\"");
        exchange.sendResponseHeaders(401, -1);
        return;
      }
      ProcessBuilder cgi = new ProcessBuilder("git", "http-backend");
      Map<String, String> env = cgi.environment();
      env.put("GIT_PROJECT_ROOT", root.toString());
      env.put("GIT_HTTP_EXPORT_ALL", "1");
      env.put("REMOTE_USER", "tester");
      env.put("REMOTE_ADDR", "127.0.0.1");
      env.put("REQUEST_METHOD", exchange.getRequestMethod());
      env.put("PATH_INFO", exchange.getRequestURI().getPath());
      env.put(
          "QUERY_STRING",
          exchange.getRequestURI().getRawQuery() == null
              ? ""
              : exchange.getRequestURI().getRawQuery());
      String type = exchange.getRequestHeaders().getFirst("Content-Type");
      env.put("CONTENT_TYPE", type == null ? "" : type);
      for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
        env.put(
            "HTTP_" + header.getKey().toUpperCase(Locale.ROOT).replace('-', '_'),
            String.join(",", header.getValue()));
      }
      Process process = cgi.start();
      try (OutputStream in = process.getOutputStream();
          InputStream body = exchange.getRequestBody()) {
        body.transferTo(in);
      }
      InputStream out = process.getInputStream();
      int status = 200;
      for (String line = readLine(out); !line.isEmpty(); line = readLine(out)) {
        int colon = line.indexOf(':');
        String name = line.substring(0, colon).trim();
        String value = line.substring(colon + 1).trim();
        if (name.equalsIgnoreCase("Status")) {
          status = Integer.parseInt(value.substring(0, 3));
        } else {
          exchange.getResponseHeaders().add(name, value);
        }
      }
      exchange.sendResponseHeaders(status, 0);
      try (OutputStream response = exchange.getResponseBody()) {
        out.transferTo(response);
      }
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.US_ASCII);
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
