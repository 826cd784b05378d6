package dev.maas.render;

import dev.maas.diag.Diagnostic;
import dev.maas.model.Environment;
import dev.maas.model.Model;
import dev.maas.model.Platform;
import dev.maas.model.Tier;
import dev.maas.spec.SpecDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generated objects that would share group, kind, namespace and name, found when a spec is
 * validated: each clash is an error at the spec name that made the later object (a model's, else a
 * tier's or an environment's), so that {@code validate} refuses what {@code generate} could not
 * write.
 */
public final class NameClashes {

  /** The code of a clash. */
  public static final String CODE = "render.generatedNameClash";

  private NameClashes() {}

  /** The clashes of {@code platform}'s generated objects, located in {@code document}. */
  public static List<Diagnostic> find(Platform platform, SpecDocument document) {
    return find(
        RenderPipeline.standard(new RenderOptions(null, "validate")).generate(platform), document);
  }

  /**
   * The clashes of the objects the standard pipeline's generators made, located in {@code
   * document}.
   */
  public static List<Diagnostic> find(RenderPipeline.Generated generated, SpecDocument document) {
    Platform platform = generated.platform();
    List<Diagnostic> out = new ArrayList<>();
    Map<String, Map<String, KubeObject>> folders = new LinkedHashMap<>();
    for (Map.Entry<Stage.Generating, List<KubeObject>> stage : generated.objects().entrySet()) {
      Map<String, KubeObject> seen =
          folders.computeIfAbsent(stage.getKey().folder(), f -> new LinkedHashMap<>());
      for (KubeObject object : stage.getValue()) {
        String id =
            object.group() + "/" + object.kind() + "/" + object.namespace() + "/" + object.name();
        if (seen.putIfAbsent(id, object) != null) {
          out.add(clash(platform, document, object));
        }
      }
    }
    return out;
  }

  private static Diagnostic clash(Platform platform, SpecDocument document, KubeObject object) {
    String what =
        object.kind()
            + " "
            + (object.namespace().isEmpty() ? "" : object.namespace() + "/")
            + object.name();
    String message =
        " makes "
            + what
            + ", a name another object of the platform already has: one would overwrite"
            + " the other";
    for (int i = platform.models().size() - 1; i >= 0; i--) {
      Model model = platform.models().get(i);
      if (model.namespace().equals(object.namespace()) && object.name().contains(model.name())) {
        String pointer = "/spec/models/" + i + "/name";
        return Diagnostic.error(
            CODE,
            document.locate(pointer),
            pointer,
            "model `" + model.name() + "` in namespace `" + model.namespace() + "`" + message,
            "rename the model, or serve it in another namespace");
      }
    }
    List<Named> named =
        List.of(
            new Named("tiers", "tier", platform.tiers().stream().map(Tier::name).toList()),
            new Named(
                "environments",
                "environment",
                platform.environments().stream().map(Environment::name).toList()));
    for (Named section : named) {
      for (int i = section.names().size() - 1; i >= 0; i--) {
        if (object.name().contains(section.names().get(i))) {
          String pointer = "/spec/" + section.key() + "/" + i + "/name";
          return Diagnostic.error(
              CODE,
              document.locate(pointer),
              pointer,
              section.word() + " `" + section.names().get(i) + "`" + message,
              "rename the " + section.word());
        }
      }
    }
    return Diagnostic.error(
        CODE,
        document.locate("/metadata/name"),
        "/metadata/name",
        "platform `" + platform.name() + "`" + message,
        "rename the platform or the namespaces it uses");
  }

  /**
   * A list of the spec whose names may make an object's name, in the order the spec lists them.
   *
   * @param key the list's key under {@code /spec}
   * @param word what one item is called in messages
   * @param names the items' names
   */
  private record Named(String key, String word, List<String> names) {}
}
