package dev.maas.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.maas.api.GenerateRequest;
import dev.maas.api.GenerateResult;
import dev.maas.api.MaasCompiler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Installs the CRDs into a real API server (k3s), then server-side applies every generated overlay,
 * first as a dry run and then for real, and checks that the API server accepted every object:
 * structural schema, defaulting and CEL rules exactly as production applies them.
 */
class ClusterApplyE2eTest {

  @AutoClose private static Cluster cluster;

  @TempDir static Path work;

  @Test
  void everyGeneratedOverlayIsAcceptedByTheApiServer() throws Exception {
    cluster = Cluster.start(work);
    Path repoRoot = Cluster.repoRoot();
    Path crds = Cluster.crdsFolder();
    Path out = work.resolve("out");
    GenerateResult result =
        new MaasCompiler()
            .generate(
                new GenerateRequest(
                    repoRoot, repoRoot.resolve("platform-specs"), out, crds, null, "e2e", true));
    assertFalse(
        result.hasErrors(),
        () -> String.valueOf(result.validation().diagnostics()) + result.checks());

    cluster.kubectl("apply", "--server-side", "-f", crds.toString());
    cluster.kubectl("wait", "--for=condition=Established", "--timeout=120s", "crd", "--all");

    List<Path> overlays = overlays(out);
    assertFalse(overlays.isEmpty(), "the generated output has overlays");
    for (Path overlay : overlays) {
      String built = Cluster.kustomize(overlay);
      cluster.ensureNamespaces(namespaces(built));
      Path manifest =
          work.resolve(
              overlay.getParent().getParent().getFileName()
                  + "-"
                  + overlay.getFileName()
                  + ".yaml");
      Files.writeString(manifest, built);
      cluster.kubectl("apply", "--server-side", "--dry-run=server", "-f", manifest.toString());
      String applied = cluster.kubectl("apply", "--server-side", "-f", manifest.toString());
      long objects = built.lines().filter(l -> l.startsWith("kind: ")).count();
      long accepted = applied.lines().filter(l -> l.contains(" serverside-applied")).count();
      assertEquals(objects, accepted, "every object of " + overlay + " is accepted:\n" + applied);
    }
  }

  /** Every {@code <platform>/overlays/<env>} folder of the output, sorted. */
  static List<Path> overlays(Path out) throws IOException {
    List<Path> overlays = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(out)) {
      walk.filter(
              p ->
                  p.getParent() != null
                      && p.getParent().getFileName() != null
                      && p.getParent().getFileName().toString().equals("overlays")
                      && Files.isDirectory(p))
          .sorted()
          .forEach(overlays::add);
    }
    return overlays;
  }

  /** The namespaces that objects of a rendered manifest live in. */
  static TreeSet<String> namespaces(String yaml) {
    TreeSet<String> names = new TreeSet<>();
    Matcher m = Pattern.compile("(?m)^  namespace: ([a-z0-9-]+)$").matcher(yaml);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }
}
