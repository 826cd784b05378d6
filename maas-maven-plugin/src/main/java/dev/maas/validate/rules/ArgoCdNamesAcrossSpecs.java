package dev.maas.validate.rules;

import dev.maas.diag.Diagnostic;
import dev.maas.diag.SourceLocation;
import dev.maas.model.Environment;
import dev.maas.model.Environments;
import dev.maas.model.Platform;
import dev.maas.spec.SpecDocument;
import dev.maas.validate.Rule;
import dev.maas.validate.SemanticRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Argo CD objects of a folder of specs have names of their own. Applications are named {@code
 * <platform>-<environment>}, so platform {@code acme} with environment {@code dev-x} and platform
 * {@code acme-dev} with environment {@code x} both make {@code argocd/acme-dev-x}; a fleet's
 * ApplicationSet makes {@code <platform>-<environment>-<cluster>}, which may meet another
 * Application's name; and two platforms naming one AppProject would each rewrite the other's. Every
 * such pair is an error at the later spec, naming both.
 */
@Rule(summary = "two specs of one folder make the same Argo CD Application or AppProject name")
public final class ArgoCdNamesAcrossSpecs {

  /** The diagnostic code. */
  public static final String CODE = SemanticRule.codeOf(ArgoCdNamesAcrossSpecs.class);

  /** One valid spec of the folder. */
  public record Spec(SpecDocument document, Platform platform) {}

  /** One generated Argo CD name and where the spec writes what makes it. */
  private record Owner(Spec spec, String what, String pointer, boolean prefix) {

    SourceLocation location() {
      return spec.document().locate(pointer);
    }
  }

  private ArgoCdNamesAcrossSpecs() {}

  /**
   * The errors of {@code specs}, in order; each is located in the spec where the clash is found.
   */
  public static List<Diagnostic> check(List<Spec> specs) {
    List<Diagnostic> out = new ArrayList<>();
    Map<String, Owner> names = new LinkedHashMap<>();
    for (Spec spec : specs) {
      Platform platform = spec.platform();
      if (platform.gitops() == null) {
        continue;
      }
      String ns = platform.gitops().argoNamespace();
      List<Map.Entry<String, Owner>> mine = new ArrayList<>();
      String projectPointer =
          spec.document().find("/spec/gitops/argocd/project") != null
              ? "/spec/gitops/argocd/project"
              : "/metadata/name";
      mine.add(
          Map.entry(
              "AppProject " + ns + "/" + platform.gitops().argoProject(),
              new Owner(spec, "AppProject", projectPointer, false)));
      for (int i = 0; i < platform.environments().size(); i++) {
        Environment environment = platform.environments().get(i);
        String pointer =
            spec.document().find("/spec/environments") != null
                ? "/spec/environments/" + i + "/name"
                : "/metadata/name";
        boolean fleet = Environments.destination(platform, environment).fleet();
        mine.add(
            Map.entry(
                "Application " + ns + "/" + platform.name() + "-" + environment.name(),
                new Owner(spec, fleet ? "ApplicationSet" : "Application", pointer, fleet)));
      }
      for (Map.Entry<String, Owner> entry : mine) {
        Owner clash = clash(names, entry.getKey(), entry.getValue());
        if (clash != null && !clash.spec().platform().name().equals(platform.name())) {
          out.add(error(entry.getKey(), entry.getValue(), clash));
        }
      }
      mine.forEach(e -> names.putIfAbsent(e.getKey(), e.getValue()));
    }
    return out;
  }

  /**
   * The earlier owner of {@code name}, or of a name a fleet's generated Applications could take.
   */
  private static Owner clash(Map<String, Owner> names, String name, Owner owner) {
    for (Map.Entry<String, Owner> e : names.entrySet()) {
      boolean same = e.getKey().equals(name);
      boolean kindOfApplication =
          name.startsWith("Application ") && e.getKey().startsWith("Application ");
      boolean generated =
          kindOfApplication
              && ((owner.prefix() && e.getKey().startsWith(name + "-"))
                  || (e.getValue().prefix() && name.startsWith(e.getKey() + "-")));
      if (same || generated) {
        return e.getValue();
      }
    }
    return null;
  }

  private static Diagnostic error(String name, Owner mine, Owner theirs) {
    SourceLocation there = theirs.location();
    String object = name.substring(name.indexOf(' ') + 1);
    String kind = name.substring(0, name.indexOf(' '));
    return Diagnostic.error(
        CODE,
        mine.location(),
        mine.pointer(),
        "the "
            + mine.what()
            + " `"
            + object
            + "` of platform `"
            + mine.spec().platform().name()
            + "` clashes with the "
            + theirs.what()
            + " of platform `"
            + theirs.spec().platform().name()
            + "` from "
            + there.file()
            + ":"
            + there.line()
            + ":"
            + there.column()
            + "; both specs would write "
            + kind
            + " `"
            + object
            + "`",
        kind.equals("AppProject")
            ? "give each platform its own spec.gitops.argocd.project"
            : "rename a platform or an environment so that `<platform>-<environment>` differs between the specs");
  }
}
