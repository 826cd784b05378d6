package dev.maas.check.ownership;

import com.fasterxml.jackson.databind.JsonNode;
import dev.maas.diag.Diagnostic;
import dev.maas.diag.SourceLocation;
import dev.maas.output.GeneratedTree;
import dev.maas.output.Layout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds objects that two Argo CD Applications would manage on one destination. It reads the output
 * only: each Application (or ApplicationSet) of {@code argocd/}, its destination, and the objects
 * of the overlay its source path names, following the kustomizations' {@code resources}. Argo CD
 * tracks one owner per live object; a second Application that syncs the same object raises
 * SharedResourceWarning and, with automated sync and self-heal, the two overwrite each other on
 * every sync (argo-cd v3.5.1 controller/state.go).
 */
public final class SharedObjectsCheck {

  /** The diagnostic code of a shared object. */
  public static final String CODE = "output.sharedObject";

  /** The diagnostic code of an Application whose source is not in the output. */
  public static final String SOURCE_CODE = "output.applicationSource";

  /** One Application as the check sees it. */
  record App(String file, String name, String destination, String folder, String project) {}

  /**
   * The findings about {@code tree}, whose {@code argocd/} Applications read the folder {@code
   * gitopsPath} of their repository ({@code null} when the output has no Argo CD objects).
   */
  public List<Diagnostic> check(GeneratedTree tree, String gitopsPath) {
    List<Diagnostic> out = new ArrayList<>();
    if (gitopsPath == null) {
      return out;
    }
    List<App> apps = new ArrayList<>();
    for (Map.Entry<String, byte[]> file : tree.files().entrySet()) {
      if (Layout.inArgoCd(file.getKey()) && !Layout.isKustomization(file.getKey())) {
        for (JsonNode doc : tree.parsed(file.getKey()).objects()) {
          App app = app(file.getKey(), doc, gitopsPath, out);
          if (app != null) {
            apps.add(app);
          }
        }
      }
    }
    // destination -> object identity -> the Applications that manage it, in file order.
    Map<String, Map<String, List<App>>> managed = new TreeMap<>();
    for (App app : apps) {
      for (String object : objects(tree, app.folder())) {
        managed
            .computeIfAbsent(app.destination(), d -> new TreeMap<>())
            .computeIfAbsent(object, o -> new ArrayList<>())
            .add(app);
      }
    }
    managed.forEach(
        (destination, objects) -> {
          Map<String, List<String>> byPair = new LinkedHashMap<>();
          Map<String, App> firstOf = new LinkedHashMap<>();
          objects.forEach(
              (object, owners) -> {
                if (owners.size() > 1) {
                  String pair =
                      owners.stream().map(App::name).reduce((a, b) -> a + "`, `" + b).orElseThrow();
                  byPair.computeIfAbsent(pair, p -> new ArrayList<>()).add(object);
                  firstOf.putIfAbsent(pair, owners.get(1));
                }
              });
          byPair.forEach(
              (pair, shared) ->
                  out.add(
                      Diagnostic.error(
                          CODE,
                          SourceLocation.ofFile(firstOf.get(pair).file()),
                          "",
                          "Applications `"
                              + pair
                              + "` both manage "
                              + shared.size()
                              + " object(s) on "
                              + destination
                              + ", e.g. "
                              + String.join(", ", shared.subList(0, Math.min(3, shared.size())))
                              + "; with automated sync they overwrite each other",
                          "give each environment its own destination (spec.environments[].destination)")));
        });
    out.addAll(ProjectPermissions.check(tree, apps));
    return out;
  }

  private static App app(String file, JsonNode doc, String gitopsPath, List<Diagnostic> out) {
    String kind = doc.path("kind").asText();
    JsonNode spec;
    String destination;
    if (kind.equals("Application")) {
      spec = doc.path("spec");
      destination = destination(spec.path("destination"));
    } else if (kind.equals("ApplicationSet")) {
      spec = doc.path("spec").path("template").path("spec");
      // Every cluster the generator selects is one destination; two sets with one selector share
      // them all.
      destination = "clusters " + doc.path("spec").path("generators").toString();
    } else {
      return null;
    }
    String name = doc.path("metadata").path("name").asText();
    String path = spec.path("source").path("path").asText();
    String prefix = gitopsPath.replaceAll("^/+|/+$", "") + "/";
    if (!path.startsWith(prefix)) {
      out.add(
          Diagnostic.error(
              SOURCE_CODE,
              SourceLocation.ofFile(file),
              "",
              kind
                  + " `"
                  + name
                  + "` reads `"
                  + path
                  + "`, outside the folder `"
                  + prefix
                  + "` the output is published to",
              "point spec.source.path into the published folder (the GitOps target and its overrides)"));
      return null;
    }
    return new App(
        file,
        name,
        destination,
        path.substring(prefix.length()),
        spec.path("project").asText("default"));
  }

  /**
   * {@code server <url>} (without a trailing '/', as Argo CD compares them) or {@code cluster
   * <name>}.
   */
  private static String destination(JsonNode destination) {
    String server = destination.path("server").asText("");
    if (!server.isEmpty()) {
      return "server " + server.replaceAll("/+$", "");
    }
    return "cluster " + destination.path("name").asText("");
  }

  /**
   * {@code group/Kind/namespace/name} of every object the kustomization in {@code folder} builds.
   */
  static Set<String> objects(GeneratedTree tree, String folder) {
    Set<String> out = new LinkedHashSet<>();
    collect(tree, normalize(folder), out, new LinkedHashSet<>());
    return out;
  }

  private static void collect(
      GeneratedTree tree, String folder, Set<String> out, Set<String> visited) {
    if (!visited.add(folder)) {
      return;
    }
    JsonNode k =
        tree.parsed(folder + "/" + Layout.KUSTOMIZATION).objects().stream()
            .findFirst()
            .orElse(null);
    if (k == null) {
      return;
    }
    String namespace = k.path("namespace").asText(null);
    for (JsonNode resource : k.path("resources")) {
      String target = normalize(folder + "/" + resource.asText());
      if (!tree.files().containsKey(target)) {
        Set<String> nested = new LinkedHashSet<>();
        collect(tree, target, nested, visited);
        nested.forEach(id -> out.add(namespace == null ? id : withNamespace(id, namespace)));
        continue;
      }
      for (JsonNode doc : tree.parsed(target).objects()) {
        String apiVersion = doc.path("apiVersion").asText();
        String group =
            apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        String ns =
            namespace != null ? namespace : doc.path("metadata").path("namespace").asText("");
        out.add(
            group
                + "/"
                + doc.path("kind").asText()
                + "/"
                + ns
                + "/"
                + doc.path("metadata").path("name").asText());
      }
    }
  }

  private static String withNamespace(String id, String namespace) {
    String[] parts = id.split("/", -1);
    return parts[0] + "/" + parts[1] + "/" + namespace + "/" + parts[3];
  }

  /** {@code a/b/../c} as {@code a/c}. */
  private static String normalize(String path) {
    List<String> parts = new ArrayList<>();
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..") && !parts.isEmpty()) {
        parts.remove(parts.size() - 1);
      } else {
        parts.add(part);
      }
    }
    return String.join("/", parts);
  }
}
