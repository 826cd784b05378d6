package dev.maas.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.maas.model.Platform;
import dev.maas.output.GeneratedTree;
import dev.maas.output.Yaml;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every generated object is labelled as maas's and names its spec; every folder lists its files.
 */
class ProvenanceTest {

  @Test
  void everyObjectCarriesTheLabelsAndTheSpecAnnotations() {
    Platform platform = Fixtures.acme();
    GeneratedTree tree = Fixtures.render(platform);
    int objects = 0;
    for (Map.Entry<String, byte[]> file : tree.files().entrySet()) {
      String path = file.getKey();
      if (path.endsWith("kustomization.yaml") || path.endsWith("-patch.yaml")) {
        continue;
      }
      JsonNode metadata = Yaml.read(tree.text(path)).path("metadata");
      Fixtures.assertAcmeProvenance(metadata, path);
      // The hash reaches every object through its folder's kustomization, so an edit does not
      // rewrite every file.
      assertTrue(metadata.path("annotations").path("maas.dev/spec-hash").isMissingNode(), path);
      String folder = path.substring(0, path.indexOf('/'));
      JsonNode common =
          Yaml.read(tree.text(folder + "/kustomization.yaml")).path("commonAnnotations");
      assertEquals(
          "sha256:" + platform.specHash(), common.path("maas.dev/spec-hash").asText(), path);
      objects++;
    }
    assertTrue(objects >= 16, "objects: " + objects);
  }

  @Test
  void everyFolderWithManifestsHasASortedKustomization() {
    GeneratedTree tree = Fixtures.render(Fixtures.acme());
    TreeSet<String> folders = new TreeSet<>();
    tree.files().keySet().stream()
        .filter(p -> p.endsWith(".yaml") && !p.contains("/custom/"))
        .forEach(
            p ->
                folders.add(
                    p.startsWith("overlays/")
                        ? p.substring(0, p.indexOf('/', "overlays/".length()))
                        : p.substring(0, p.indexOf('/'))));
    for (String folder : folders) {
      String text = tree.text(folder + "/kustomization.yaml");
      assertTrue(text != null, folder + " has no kustomization.yaml");
      JsonNode k = Yaml.read(text);
      List<String> resources = new java.util.ArrayList<>();
      k.path("resources").forEach(r -> resources.add(r.asText()));
      List<String> listed = resources.stream().filter(r -> !r.startsWith("../")).toList();
      assertEquals(listed.stream().sorted().toList(), listed, folder);
      for (String r : listed) {
        assertTrue(tree.files().containsKey(folder + "/" + r), folder + " lists missing " + r);
      }
      if (folder.equals("base")) {
        long files =
            tree.files().keySet().stream()
                .filter(p -> p.startsWith("base/") && !p.endsWith("kustomization.yaml"))
                .count();
        assertEquals(files, listed.size());
      }
    }
  }
}
