package dev.maas.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maas.e2e.guide.InstallOutcomes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shell the install-guide test runs the page in, without a cluster: variables and the folder
 * carry from block to block, a failing command stops the block and the page, a probe does not, and
 * what a block started in the background stops with the shell.
 */
class PageShellTest {

  private static final Duration TIMEOUT = Duration.ofMinutes(1);

  @TempDir Path work;

  @Test
  void variablesAndFilesCarryFromBlockToBlockAndProbesSeeThem() throws Exception {
    try (PageShell shell = new PageShell(work, Map.of("GREETING", "hello"), work.resolve("logs"))) {
      InstallOutcomes.Result first =
          shell.block("NAME=world\nmkdir -p target && echo \"$GREETING\" > target/said\n", TIMEOUT);
      assertEquals(new InstallOutcomes.Result(0, ""), first);
      InstallOutcomes.Result second =
          shell.block(
              "echo \"$(cat target/said) $NAME\"\nread -r line || echo no input\n", TIMEOUT);
      assertEquals(0, second.exit());
      assertEquals("hello world\nno input", second.text());
      assertEquals("world", shell.run("printf %s \"$NAME\"").text());
    }
  }

  @Test
  void aFailingCommandStopsTheBlockAndThePageButAFailingProbeDoesNot() throws Exception {
    try (PageShell shell = new PageShell(work, Map.of(), work.resolve("logs"))) {
      InstallOutcomes.Result probe = shell.run("false\necho after");
      assertEquals(new InstallOutcomes.Result(0, "after\n"), probe);
      assertEquals(1, shell.run("exit_code() { return 1; }; exit_code").exit());
      InstallOutcomes.Result block =
          shell.block("echo before\n(exit 3)\necho not printed\n", TIMEOUT);
      assertEquals(3, block.exit());
      assertEquals("before", block.text());
      assertNotEquals(0, shell.run("true").exit(), "the page's shell ended with the failure");
    }
  }

  @Test
  void aBlockThatDoesNotFinishIsStoppedAtItsDeadline() throws Exception {
    try (PageShell shell = new PageShell(work, Map.of(), work.resolve("logs"))) {
      InstallOutcomes.Result block =
          shell.block("echo started\nsleep 600\n", Duration.ofSeconds(2));
      assertEquals(-1, block.exit());
      assertTrue(block.output().startsWith("started\n"), block.output());
      assertTrue(block.output().contains("timed out"), block.output());
    }
  }

  @Test
  void whatABlockStartsInTheBackgroundStopsWithTheShell() throws Exception {
    long pid;
    try (PageShell shell = new PageShell(work, Map.of(), work.resolve("logs"))) {
      assertEquals(0, shell.block("sleep 600 > /dev/null 2>&1 &\necho $! > pid\n", TIMEOUT).exit());
      pid = Long.parseLong(Files.readString(work.resolve("pid")).strip());
      assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)
        && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
  }
}
