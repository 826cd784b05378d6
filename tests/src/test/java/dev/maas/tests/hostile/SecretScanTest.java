package dev.maas.tests.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maas.api.GenerateRequest;
import dev.maas.api.GenerateResult;
import dev.maas.api.MaasCompiler;
import dev.maas.validate.SecretDetector;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No generated file of any spec in {@code platform-specs/} or {@code corpus/valid/} holds secret
 * material, by the same detectors that refuse it in specs; and the detectors do find each kind when
 * it is there.
 */
class SecretScanTest {

  @TempDir Path out;

  private static List<Path> specs() throws IOException {
    Path root = Path.of(System.getProperty("maas.repoRoot", "..")).toAbsolutePath().normalize();
    List<Path> specs = new ArrayList<>();
    for (Path folder :
        List.of(root.resolve("platform-specs"), root.resolve("tests/corpus/valid"))) {
      try (Stream<Path> files = Files.list(folder)) {
        files.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(specs::add);
      }
    }
    return specs;
  }

  @Test
  void noGeneratedFileHoldsSecretMaterial() throws IOException {
    Path crds = Path.of(System.getProperty("maas.crds", "../../shared/crds"));
    int files = 0;
    List<String> found = new ArrayList<>();
    List<Path> specs = specs();
    assertTrue(specs.size() >= 7, specs.toString());
    for (Path spec : specs) {
      Path target = out.resolve(spec.getFileName().toString());
      GenerateResult result =
          new MaasCompiler()
              .generate(
                  new GenerateRequest(spec.getParent(), spec, target, crds, null, "scan", true));
      assertFalse(
          result.hasErrors(),
          () -> spec + ": " + result.validation().diagnostics() + result.checks());
      try (Stream<Path> walk = Files.walk(target)) {
        for (Path file : walk.filter(Files::isRegularFile).toList()) {
          files++;
          String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
          Optional<String> secret = SecretDetector.find(text);
          secret.ifPresent(kind -> found.add(target.relativize(file) + ": " + kind));
        }
      }
    }
    System.out.printf(
        "secret scan: %d specs, %d generated files, %d findings%n",
        specs.size(), files, found.size());
    assertTrue(files > 200, "only " + files + " files scanned");
    assertEquals(List.of(), found);
  }

  @Test
  void theDetectorsFindEachKindAndLeavePublicMaterialAlone() {
    List<String> secrets =
        List.of(
            "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg",
            "key: |\n  -----BEGIN RSA PRIVATE KEY-----\n  MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo",
            "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ",
            "Bearer eyJhbGciOiJFUzI1NiIsImtpZCI6IjEifQ.eyJzdWIiOiJhbGljZSJ9.sig",
            "ghp_R8x2Lq9ZfT4mW7vK1nB6cY3hJ5dG0sP2aE8u",
            "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuv",
            "glpat-Ab3dE6gH9jK2mN5pQ8sT",
            "xoxp-1234567890-abcdefghij",
            "AKIAIOSFODNN7EXAMPLE",
            "https://deploy:hunter2@git.example.com/x.git",
            "ssh://git:pw@host/x",
            "redis://:s3cret@redis:6379",
            "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            "token=9fQ2xLm7ZpR4tV8wKc1NbY6hJ3sD0gUe");
    for (String s : secrets) {
      assertTrue(SecretDetector.find(s).isPresent(), s);
    }
    List<String> harmless =
        List.of(
            "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUYW1hYXMtdGVzdC1jZXJ0",
            "-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE",
            "int begin = pem.indexOf(\"-----BEGIN PRIVATE KEY-----\");",
            "hf://meta-llama/Llama-3.3-70B-Instruct",
            "quay.io/maas/token-service@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
            "https://git.example.com/platform/maas-gitops.git",
            "git@github.com:acme/maas-gitops.git",
            "https://deploy@git.example.com/x.git",
            "system:serviceaccount:maas-system:acme-token-service",
            "app.kubernetes.io/managed-by",
            "acme-token-service.maas-system.svc.cluster.local:8080",
            "sum(rate(authorized_hits{tier=\"premium\"}[5m])) by (limitador_namespace)",
            "eyJ is how every JWT starts",
            "the-quick-brown-fox-jumps-over-the-lazy-dog-again-and-again");
    for (String s : harmless) {
      assertEquals(Optional.empty(), SecretDetector.find(s), s);
    }
  }
}
