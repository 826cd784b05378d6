package dev.maas.commandline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The root command builds the commands a run needs, and the completion script knows them all. */
class MaasCommandTest {

  @Test
  void theCompletionScriptCompletesEveryCommand() {
    StringWriter out = new StringWriter();
    int status =
        MaasCommand.run(
            new String[] {"generate-completion"},
            new PrintWriter(out, true),
            new PrintWriter(new StringWriter(), true));
    assertEquals(0, status);
    for (String command :
        List.of("validate", "generate", "plan", "explain", "publish", "token", "key", "usage")) {
      assertTrue(out.toString().contains(command), command + " is missing from the script");
    }
  }

  @Test
  void aNamedCommandShowsItsOwnHelp() {
    StringWriter out = new StringWriter();
    int status =
        MaasCommand.run(
            new String[] {"generate-completion", "--help"},
            new PrintWriter(out, true),
            new PrintWriter(new StringWriter(), true));
    assertEquals(0, status);
    assertTrue(out.toString().startsWith("Usage: maas generate-completion"), out::toString);
  }
}
