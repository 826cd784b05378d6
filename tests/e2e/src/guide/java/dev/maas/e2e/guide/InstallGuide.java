package dev.maas.e2e.guide;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The {@code sh} blocks of docs/install.md in page order: what the install-guide test runs. */
public final class InstallGuide {

  /** The page, relative to the repository's root. */
  public static final String PAGE = "docs/install.md";

  /** The attribute of a block that changes a cluster. */
  public static final String NEEDS_CLUSTER = "needs=cluster";

  /**
   * The lines of the page that the cluster test replaces, each with what it runs instead: a cluster
   * without GPUs and without KServe's controllers (k3s, kind) cannot make the models Ready, so the
   * test puts the llm-d inference simulator behind the models' routes in their place and waits for
   * it. The page says so under its wave block. {@code ${MODELS}} is the stand-in's manifest.
   */
  public static final Map<String, String> CPU_VARIANT =
      Map.of(
          "kubectl wait --namespace llm --for=condition=Ready llminferenceservice --all --timeout=30m",
          "kubectl apply --server-side -f \"${MODELS}\"\n"
              + "kubectl rollout status --namespace llm deployment/granite-8b-simulator --timeout=300s",
          "kubectl wait --namespace vision --for=condition=Ready inferenceservice --all --timeout=30m",
          "kubectl rollout status --namespace vision deployment/mnist-classifier-predictor"
              + " --timeout=300s");

  /**
   * One {@code sh} block.
   *
   * @param line the 1-based line of its opening fence
   * @param attributes the words after {@code sh} ({@code needs=cluster}, {@code needs=openssl})
   * @param script the block's text
   * @param shownOutput the text of the {@code output} block right after it, or an empty string
   */
  public record Step(int line, List<String> attributes, String script, String shownOutput) {

    /** Whether the block changes a cluster. */
    public boolean needsCluster() {
      return attributes.contains(NEEDS_CLUSTER);
    }

    /**
     * The block's first command line, without comments and a trailing {@code \}: how the outcomes
     * name the block.
     */
    public String key() {
      return script
          .lines()
          .map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .findFirst()
          .orElse("")
          .replaceFirst("\\s*\\\\$", "");
    }

    /**
     * The script as the cluster test runs it: the page's text with {@link #CPU_VARIANT} applied.
     */
    public String cpuScript() {
      StringBuilder out = new StringBuilder();
      for (String l : script.lines().toList()) {
        String replacement = CPU_VARIANT.get(l.strip());
        out.append(replacement == null ? l : replacement).append('\n');
      }
      return out.toString();
    }

    /** Where the block is, for messages. */
    public String where() {
      return PAGE + ":" + line;
    }
  }

  private InstallGuide() {}

  /** Every {@code sh} block of the page at {@code page}, in order. */
  public static List<Step> read(Path page) throws IOException {
    List<String> lines = Files.readAllLines(page, StandardCharsets.UTF_8);
    List<Step> steps = new ArrayList<>();
    Step pending = null;
    for (int i = 0; i < lines.size(); i++) {
      String trimmed = lines.get(i).strip();
      if (!trimmed.startsWith("```")) {
        if (!trimmed.isEmpty() && pending != null) {
          steps.add(pending);
          pending = null;
        }
        continue;
      }
      String info = trimmed.substring(3).strip();
      StringBuilder text = new StringBuilder();
      int j = i + 1;
      while (j < lines.size() && !lines.get(j).strip().equals("```")) {
        text.append(lines.get(j)).append('\n');
        j++;
      }
      if (j == lines.size()) {
        throw new IllegalStateException(PAGE + ":" + (i + 1) + ": the code block is never closed");
      }
      String[] words = info.isEmpty() ? new String[0] : info.split("\\s+");
      String language = words.length == 0 ? "" : words[0];
      if (pending != null) {
        steps.add(
            language.equals("output")
                ? new Step(pending.line(), pending.attributes(), pending.script(), text.toString())
                : pending);
        pending = null;
      }
      if (language.equals("sh")) {
        pending = new Step(i + 1, List.of(words).subList(1, words.length), text.toString(), "");
      }
      i = j;
    }
    if (pending != null) {
      steps.add(pending);
    }
    return steps;
  }
}
