package dev.maas.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

/**
 * The help goal prints the goals from the plugin descriptor on standard output, which {@code -q}
 * keeps.
 */
class HelpMojoTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  private HelpMojo quiet(String goal, boolean detail) {
    HelpMojo mojo = new HelpMojo();
    mojo.setLog(new QuietLog());
    mojo.out = new PrintStream(out, true, StandardCharsets.UTF_8);
    mojo.goal = goal;
    mojo.detail = detail;
    mojo.lineLength = 80;
    return mojo;
  }

  @Test
  void listsEveryGoalUnderQuiet() throws Exception {
    quiet(null, false).execute();
    String printed = out.toString(StandardCharsets.UTF_8);
    assertTrue(printed.startsWith("maas-maven-plugin "), printed);
    for (String goal :
        new String[] {"explain", "generate", "help", "plan", "publish", "schema", "validate"}) {
      assertTrue(printed.contains("\nmaas:" + goal + "\n"), goal + " in\n" + printed);
    }
    assertTrue(printed.lines().allMatch(l -> l.length() <= 80), printed);
  }

  @Test
  void detailListsTheParametersOfOneGoal() throws Exception {
    quiet("generate", true).execute();
    String printed = out.toString(StandardCharsets.UTF_8);
    assertTrue(printed.startsWith("maas:generate\n"), printed);
    assertTrue(printed.contains("    force (Default: false)\n"), printed);
    assertTrue(printed.contains("      User property: maas.crds\n"), printed);
    assertTrue(
        !printed.contains("pluginVersion"), "read-only parameters are not listed: " + printed);
  }

  @Test
  void unknownGoalIsAnErrorWithTheGoals() {
    MojoFailureException e =
        assertThrows(MojoFailureException.class, quiet("genrate", true)::execute);
    assertEquals(
        "maas: no goal `genrate` (did you mean `generate`? goals are: explain, generate, help, plan,"
            + " publish, schema, validate)",
        e.getMessage());
  }
}
