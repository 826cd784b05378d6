package dev.maas.tokenservice.state;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The in-cluster Kubernetes API through the JDK's HTTP client: the API server's URL from the
 * environment, its CA and the pod's service-account token from the mounted service-account folder.
 */
public final class KubernetesApi {

  /** Where the kubelet mounts the service account's token, CA and namespace. */
  public static final Path SERVICE_ACCOUNT =
      Path.of("/var/run/secrets/kubernetes.io/serviceaccount");

  private final URI base;
  private final Path account;
  private final HttpClient http;

  public KubernetesApi(String host, String port, Path account) throws IOException {
    this(
        URI.create("https://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port),
        account,
        HttpClient.newBuilder()
            .sslContext(trusting(account.resolve("ca.crt")))
            .connectTimeout(Duration.ofSeconds(5))
            .build());
  }

  /**
   * An API at {@code base} reached with {@code http}; tests use it to stand in a fake API server.
   */
  KubernetesApi(URI base, Path account, HttpClient http) {
    this.base = base;
    this.account = account;
    this.http = http;
  }

  /** The pod's namespace. */
  public String namespace() throws IOException {
    return Files.readString(account.resolve("namespace")).trim();
  }

  /** The client. */
  public HttpClient http() {
    return http;
  }

  /** A request to {@code path} with the pod's current token. */
  public HttpRequest.Builder request(String path) throws IOException {
    // The kubelet rotates the projected token, so it is read for every call.
    String token = Files.readString(account.resolve("token")).trim();
    return HttpRequest.newBuilder(base.resolve(path))
        .timeout(Duration.ofSeconds(10))
        .header("Authorization", "Bearer " + token)
        .header("Accept", "application/json");
  }

  private static SSLContext trusting(Path caFile) throws IOException {
    try (InputStream ca = Files.newInputStream(caFile)) {
      KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
      trust.load(null, null);
      int i = 0;
      for (var cert : CertificateFactory.getInstance("X.509").generateCertificates(ca)) {
        trust.setCertificateEntry("ca-" + i++, cert);
      }
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(null, tmf.getTrustManagers(), null);
      return tls;
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot trust the cluster CA in " + caFile, e);
    }
  }
}
