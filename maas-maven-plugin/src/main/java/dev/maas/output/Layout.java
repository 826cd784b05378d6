package dev.maas.output;

import java.util.List;

/**
 * The output contract's layout, stated once: the folders of a platform's output, the file names the
 * writer, the checks, the plan and the publication agree on, and the annotations that record
 * provenance.
 */
public final class Layout {

  /** The folder of the objects every environment shares. */
  public static final String BASE = "base";

  /** The folder of the per-environment overlays ({@code overlays/<env>/}). */
  public static final String OVERLAYS = "overlays";

  /** The folder of the Argo CD Applications. */
  public static final String ARGOCD = "argocd";

  /** Kustomize's file in every folder. */
  public static final String KUSTOMIZATION = "kustomization.yaml";

  /** The suffix of an overlay's patch file: a partial object, not a manifest on its own. */
  public static final String PATCH_SUFFIX = "-patch.yaml";

  /** The annotations that record where an object came from, not what it is. */
  public static final List<String> PROVENANCE =
      List.of("maas.dev/spec-hash", "maas.dev/generator", "maas.dev/spec");

  private Layout() {}

  /** Whether the file at {@code path} is YAML, by its name. */
  public static boolean isYaml(String path) {
    return path.endsWith(".yaml") || path.endsWith(".yml");
  }

  /** Whether the file is a kustomization. */
  public static boolean isKustomization(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    return name.equals(KUSTOMIZATION) || name.equals("kustomization.yml");
  }

  /**
   * Whether the file is a patch of an overlay: under an {@code overlays/} folder and named {@code
   * *-patch.yaml}.
   */
  public static boolean isOverlayPatch(String path) {
    boolean inOverlay = path.startsWith(OVERLAYS + "/") || path.contains("/" + OVERLAYS + "/");
    return inOverlay && (path.endsWith(PATCH_SUFFIX) || path.endsWith("-patch.yml"));
  }

  /** Whether the file is under {@code base/}. */
  public static boolean inBase(String path) {
    return path.startsWith(BASE + "/");
  }

  /** Whether the file is under {@code argocd/}. */
  public static boolean inArgoCd(String path) {
    return path.startsWith(ARGOCD + "/");
  }

  /**
   * {@code base}, {@code overlays/<env>}, or the first folder of the path; empty for a file at the
   * top.
   */
  public static String area(String path) {
    String[] segments = path.split("/");
    if (segments.length >= 3 && segments[0].equals(OVERLAYS)) {
      return segments[0] + "/" + segments[1];
    }
    return segments.length >= 2 ? segments[0] : "";
  }
}
