package dev.maas.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

/**
 * Calls the platform's gateway the way a client outside the cluster does: HTTPS to the platform
 * hostname, trusting only the gateway's certificate. The connection goes to a local port-forward,
 * so the hostname is sent where the gateway reads it: as TLS SNI (the HTTPS listener is selected by
 * it) and as the Host header (the routes match on it). Sending Host needs {@code
 * -Djdk.httpclient.allowRestrictedHeaders=host}, which the module's surefire configuration sets.
 */
final class GatewayClient {

  private final HttpClient http;
  private final String base;
  private final String hostname;

  GatewayClient(int localPort, String hostname, X509Certificate gatewayCertificate)
      throws GeneralSecurityException, IOException {
    KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
    trusted.load(null, null);
    trusted.setCertificateEntry("gateway", gatewayCertificate);
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, trust.getTrustManagers(), null);
    SSLParameters parameters = new SSLParameters();
    parameters.setServerNames(List.of(new SNIHostName(hostname)));
    this.http =
        HttpClient.newBuilder()
            .sslContext(tls)
            .sslParameters(parameters)
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    this.base = "https://127.0.0.1:" + localPort;
    this.hostname = hostname;
  }

  /** POSTs a JSON body to {@code path}; {@code bearer} may be null for an anonymous call. */
  HttpResponse<String> post(String path, String bearer, String json)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Host", hostname)
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
