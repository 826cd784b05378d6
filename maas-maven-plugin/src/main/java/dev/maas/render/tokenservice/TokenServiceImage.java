package dev.maas.render.tokenservice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The MaaS API image this plugin pins: {@code repository:version} as the build wrote it, with
 * {@code @sha256:...} when the release build pushed the image and packaged the digest Jib reported
 * ({@code jib-image.json}). {@code spec.tokens.image} overrides it.
 */
public final class TokenServiceImage {

  static final String REFERENCE_RESOURCE = "token-service-image.properties";
  static final String DIGEST_RESOURCE = "jib-image.json";

  private static final String PINNED = read();

  private TokenServiceImage() {}

  /**
   * The pinned reference, e.g. {@code ghcr.io/maas-dev/maas-token-service:0.1.0} or with its
   * digest.
   */
  public static String pinned() {
    return PINNED;
  }

  private static String read() {
    Properties p = new Properties();
    try (InputStream in = TokenServiceImage.class.getResourceAsStream(REFERENCE_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(REFERENCE_RESOURCE + " is missing from the plugin");
      }
      p.load(in);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + REFERENCE_RESOURCE, e);
    }
    return p.getProperty("repository") + ":" + p.getProperty("tag") + digest();
  }

  /** {@code @sha256:...} of the image a release pushed, or nothing. */
  private static String digest() {
    try (InputStream in = TokenServiceImage.class.getResourceAsStream(DIGEST_RESOURCE)) {
      if (in == null) {
        return "";
      }
      JsonNode image = new ObjectMapper().readTree(in);
      String digest = image.path("imageDigest").asText("");
      // Jib writes the file for every goal; only a pushed image is pinned by digest.
      return image.path("imagePushed").asBoolean(false) && digest.matches("sha256:[0-9a-f]{64}")
          ? "@" + digest
          : "";
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + DIGEST_RESOURCE, e);
    }
  }
}
