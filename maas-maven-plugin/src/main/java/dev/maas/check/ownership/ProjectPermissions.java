package dev.maas.check.ownership;

import com.fasterxml.jackson.databind.JsonNode;
import dev.maas.diag.Diagnostic;
import dev.maas.diag.SourceLocation;
import dev.maas.output.GeneratedTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Finds objects an Application manages that its AppProject does not permit. Argo CD refuses to sync
 * such an object ("resource … is not permitted in project"), so everything after it in the sync
 * stays out of the cluster. For a namespaced object, a project whose {@code
 * namespaceResourceWhitelist} is set permits only the group/kind pairs it lists, matched as shell
 * globs, less those of {@code namespaceResourceBlacklist} (argo-cd v3.5.1 {@code
 * pkg/apis/application/v1alpha1/app_project_types.go}, {@code IsGroupKindPermitted} and {@code
 * isResourceInList}). Projects not in the output (Argo CD's {@code default}) are the cluster's
 * business.
 */
final class ProjectPermissions {

  /** The diagnostic code of an object the Application's project does not permit. */
  static final String CODE = "output.kindNotPermitted";

  private ProjectPermissions() {}

  /** One project's lists: {@code null} for a list the project leaves unset. */
  private record Project(String file, List<JsonNode> whitelist, List<JsonNode> blacklist) {

    boolean permits(String group, String kind) {
      boolean listed = whitelist == null || !whitelist.isEmpty() && matches(whitelist, group, kind);
      return listed && (blacklist == null || !matches(blacklist, group, kind));
    }
  }

  static List<Diagnostic> check(GeneratedTree tree, List<SharedObjectsCheck.App> apps) {
    Map<String, Project> projects = new TreeMap<>();
    for (Map.Entry<String, byte[]> file : tree.files().entrySet()) {
      if (file.getKey().startsWith("argocd/")) {
        for (JsonNode doc : tree.parsed(file.getKey()).objects()) {
          if (doc.path("kind").asText().equals("AppProject")) {
            projects.put(
                doc.path("metadata").path("name").asText(),
                new Project(
                    file.getKey(),
                    list(doc.path("spec").get("namespaceResourceWhitelist")),
                    list(doc.path("spec").get("namespaceResourceBlacklist"))));
          }
        }
      }
    }
    // project -> the kinds it refuses -> the Applications that sync them: one finding per project
    // and kinds.
    Map<String, Map<String, Set<String>>> refusals = new TreeMap<>();
    for (SharedObjectsCheck.App app : apps) {
      Project project = projects.get(app.project());
      if (project == null) {
        continue;
      }
      Set<String> refused = new TreeSet<>();
      for (String object : SharedObjectsCheck.objects(tree, app.folder())) {
        String[] parts = object.split("/", -1); // group/Kind/namespace/name
        if (!parts[2].isEmpty() && !project.permits(parts[0], parts[1])) {
          refused.add((parts[0].isEmpty() ? "" : parts[0] + "/") + parts[1]);
        }
      }
      if (!refused.isEmpty()) {
        refusals
            .computeIfAbsent(app.project(), p -> new TreeMap<>())
            .computeIfAbsent(String.join(", ", refused), k -> new TreeSet<>())
            .add(app.name());
      }
    }
    List<Diagnostic> out = new ArrayList<>();
    refusals.forEach(
        (name, byKinds) ->
            byKinds.forEach(
                (kinds, names) ->
                    out.add(
                        Diagnostic.error(
                            CODE,
                            SourceLocation.ofFile(projects.get(name).file()),
                            "/spec/namespaceResourceWhitelist",
                            "AppProject `"
                                + name
                                + "` does not permit "
                                + kinds
                                + ", which Application(s) `"
                                + String.join("`, `", names)
                                + "` sync; Argo CD refuses those objects and leaves them out of the cluster",
                            "add the kinds to the project's namespaceResourceWhitelist"))));
    return out;
  }

  private static List<JsonNode> list(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    List<JsonNode> out = new ArrayList<>();
    node.forEach(out::add);
    return out;
  }

  private static boolean matches(List<JsonNode> list, String group, String kind) {
    return list.stream()
        .anyMatch(
            item ->
                glob(item.path("kind").asText()).matcher(kind).matches()
                    && glob(item.path("group").asText()).matcher(group).matches());
  }

  /**
   * A shell glob ({@code *}, {@code ?}) as a regular expression; every other character stands for
   * itself.
   */
  private static Pattern glob(String glob) {
    return GLOBS.computeIfAbsent(glob, ProjectPermissions::compile);
  }

  // A project's few globs are matched against every object of the output: compiled once each.
  private static final Map<String, Pattern> GLOBS = new ConcurrentHashMap<>();

  private static Pattern compile(String glob) {
    StringBuilder regex = new StringBuilder();
    for (char c : glob.toCharArray()) {
      regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
    }
    return Pattern.compile(regex.toString());
  }
}
