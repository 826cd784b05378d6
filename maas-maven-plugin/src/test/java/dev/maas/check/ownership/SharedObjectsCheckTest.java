package dev.maas.check.ownership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maas.check.OutputChecks;
import dev.maas.diag.Diagnostic;
import dev.maas.model.Platform;
import dev.maas.output.GeneratedTree;
import dev.maas.output.TreeWriter;
import dev.maas.validate.SpecValidator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** From the output alone: no object is managed by two Applications on one destination. */
class SharedObjectsCheckTest {

  private static final Path ROOT =
      Path.of(System.getProperty("maas.repoRoot", "..")).toAbsolutePath().normalize();

  private static GeneratedTree golden() throws IOException {
    return new GeneratedTree(
        new TreeMap<>(
            TreeWriter.read(ROOT.resolve("maas-maven-plugin/src/test/resources/golden/acme"))));
  }

  private static GeneratedTree replace(GeneratedTree tree, String path, String from, String to) {
    String text = tree.text(path);
    assertTrue(text.contains(from), path + " holds " + from);
    TreeMap<String, byte[]> files = new TreeMap<>(tree.files());
    files.put(path, text.replace(from, to).getBytes(StandardCharsets.UTF_8));
    return new GeneratedTree(files);
  }

  /** The output as it was: both environments' Applications on the cluster Argo CD runs in. */
  private static GeneratedTree oldOutput() throws IOException {
    GeneratedTree tree = golden();
    tree =
        replace(
            tree,
            "argocd/application-acme-dev.yaml",
            "name: dev\n",
            "server: https://kubernetes.default.svc\n");
    return replace(
        tree,
        "argocd/application-acme-prod.yaml",
        "name: prod\n",
        "server: https://kubernetes.default.svc/\n");
  }

  @Test
  void theReferenceOutputSharesNothing() throws IOException {
    assertEquals(List.of(), new SharedObjectsCheck().check(golden(), "clusters/acme"));
  }

  @Test
  void theOldOutputHasBothEnvironmentsManagingEveryObjectOnOneServer() throws IOException {
    List<Diagnostic> found = new SharedObjectsCheck().check(oldOutput(), "clusters/acme");
    assertEquals(1, found.size(), found.toString());
    String message = dev.maas.validate.Rendered.withoutCode(found.get(0));
    assertTrue(
        message.startsWith(
            "argocd/application-acme-prod.yaml: error: Applications `acme-dev`, `acme-prod` both"
                + " manage 38 object(s) on server https://kubernetes.default.svc, e.g. "),
        message);
    assertEquals(SharedObjectsCheck.CODE, found.get(0).code());
  }

  @Test
  void objectsComeFromTheOverlayAndTheBaseItIncludes() throws IOException {
    var objects = SharedObjectsCheck.objects(golden(), "overlays/dev");
    assertEquals(38, objects.size());
    assertTrue(
        objects.contains("gateway.networking.k8s.io/Gateway/maas-system/maas-gateway"),
        objects.toString());
    assertTrue(
        objects.contains(
            "/NetworkPolicy/maas-system/acme-token-service"
                .replace("/NetworkPolicy", "networking.k8s.io/NetworkPolicy")),
        objects.toString());
  }

  @Test
  void anApplicationReadingOutsideThePublishedFolderIsReported() throws IOException {
    GeneratedTree tree =
        replace(
            golden(),
            "argocd/application-acme-dev.yaml",
            "path: clusters/acme/overlays/dev",
            "path: elsewhere/overlays/dev");
    List<Diagnostic> found = new SharedObjectsCheck().check(tree, "clusters/acme");
    assertEquals(
        List.of(SharedObjectsCheck.SOURCE_CODE), found.stream().map(Diagnostic::code).toList());
  }

  /**
   * The earlier AppProject: its whitelist lacked KEDA's ScaledObject, so Argo CD refused to sync
   * it.
   */
  @Test
  void kindsTheProjectDoesNotPermitAreReported() throws IOException {
    GeneratedTree tree =
        replace(
            golden(),
            "argocd/appproject-maas.yaml",
            "  - group: keda.sh\n    kind: ScaledObject\n",
            "");
    List<Diagnostic> found = new SharedObjectsCheck().check(tree, "clusters/acme");
    assertEquals(
        List.of(
            "argocd/appproject-maas.yaml: error: /spec/namespaceResourceWhitelist: AppProject `maas` does"
                + " not permit keda.sh/ScaledObject, which Application(s) `acme-dev`, `acme-prod` sync; Argo CD refuses those"
                + " objects and leaves them out of the cluster (add the kinds to the project's namespaceResourceWhitelist)"),
        found.stream().map(dev.maas.validate.Rendered::withoutCode).toList());
  }

  /** Argo CD's lists match as globs, and the blacklist wins over the whitelist. */
  @Test
  void globsAndTheBlacklistAreReadAsArgoCdReadsThem() throws IOException {
    GeneratedTree open =
        replace(
            golden(),
            "argocd/appproject-maas.yaml",
            "  namespaceResourceWhitelist:\n",
            "  namespaceResourceWhitelist:\n  - group: 'keda.*'\n    kind: '*'\n");
    assertEquals(List.of(), new SharedObjectsCheck().check(open, "clusters/acme"));
    GeneratedTree closed =
        replace(
            open,
            "argocd/appproject-maas.yaml",
            "  namespaceResourceWhitelist:\n",
            "  namespaceResourceBlacklist:\n  - group: '*'\n    kind: Scaled?bject\n  namespaceResourceWhitelist:\n");
    List<String> codes =
        new SharedObjectsCheck()
            .check(closed, "clusters/acme").stream().map(Diagnostic::code).toList();
    assertEquals(List.of(ProjectPermissions.CODE), codes);
  }

  @Test
  void theOutputChecksRunIt() throws IOException {
    SpecValidator.Outcome outcome =
        new SpecValidator()
            .validate(ROOT.resolve("platform-specs/acme.yaml"), "platform-specs/acme.yaml");
    Platform platform = outcome.platform();
    List<String> codes =
        new OutputChecks(null).check(platform, oldOutput()).stream().map(Diagnostic::code).toList();
    assertTrue(codes.contains(SharedObjectsCheck.CODE), codes.toString());
  }
}
