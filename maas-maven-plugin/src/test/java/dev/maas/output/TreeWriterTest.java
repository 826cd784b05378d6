package dev.maas.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writer never leaves a mix of old and new output and touches nothing that did not change. */
class TreeWriterTest {

  @TempDir Path dir;

  private static GeneratedTree tree(String... pathsAndTexts) {
    Map<String, String> files = new TreeMap<>();
    for (int i = 0; i < pathsAndTexts.length; i += 2) {
      files.put(pathsAndTexts[i], pathsAndTexts[i + 1]);
    }
    return GeneratedTree.ofText(files);
  }

  @Test
  void unchangedRerunWritesNothingAndKeepsModificationTimes() throws IOException {
    Path out = dir.resolve("acme");
    GeneratedTree first = tree("base/a.yaml", "a: 1\n", "base/b.yaml", "b: 1\n");
    new TreeWriter().write(first, out);
    FileTime old = FileTime.fromMillis(1_000_000_000L);
    Files.setLastModifiedTime(out.resolve("base/a.yaml"), old);
    Files.setLastModifiedTime(out.resolve("base/b.yaml"), old);

    TreeWriter.Report again = new TreeWriter().write(first, out);

    assertTrue(again.isNoOp());
    assertEquals(2, again.unchanged());
    assertEquals(old, Files.getLastModifiedTime(out.resolve("base/a.yaml")));
  }

  @Test
  void changeRewritesOnlyTheChangedFileAndRemovesStaleOnes() throws IOException {
    Path out = dir.resolve("acme");
    new TreeWriter()
        .write(
            tree("base/a.yaml", "a: 1\n", "base/b.yaml", "b: 1\n", "base/gone.yaml", "x\n"), out);
    FileTime old = FileTime.fromMillis(1_000_000_000L);
    Files.setLastModifiedTime(out.resolve("base/a.yaml"), old);

    TreeWriter.Report report =
        new TreeWriter().write(tree("base/a.yaml", "a: 1\n", "base/b.yaml", "b: 2\n"), out);

    assertEquals(List.of("base/b.yaml"), report.changed());
    assertEquals(List.of("base/gone.yaml"), report.removed());
    assertEquals(old, Files.getLastModifiedTime(out.resolve("base/a.yaml")));
    assertEquals("b: 2\n", Files.readString(out.resolve("base/b.yaml")));
    assertFalse(Files.exists(out.resolve("base/gone.yaml")));
  }

  /** A writer whose writing of {@code failing} fails with {@code message}. */
  private static TreeWriter failingAt(String failing, String message) {
    return new TreeWriter(
        path -> {
          if (path.equals(failing)) {
            throw new IOException(message);
          }
        });
  }

  @Test
  void faultInTheMiddleLeavesThePreviousOutputIntact() throws IOException {
    Path out = dir.resolve("acme");
    GeneratedTree before =
        tree("base/a.yaml", "a: 1\n", "base/b.yaml", "b: 1\n", "base/c.yaml", "c: 1\n");
    new TreeWriter().write(before, out);
    Map<String, byte[]> snapshot = TreeWriter.read(out);

    TreeWriter failing = failingAt("base/b.yaml", "disk full (injected)");
    assertThrows(
        RuntimeException.class,
        () ->
            failing.write(
                tree("base/a.yaml", "a: 2\n", "base/b.yaml", "b: 2\n", "base/c.yaml", "c: 2\n"),
                out));

    Map<String, byte[]> after = TreeWriter.read(out);
    assertEquals(snapshot.keySet(), after.keySet());
    snapshot.forEach((k, v) -> assertEquals(new String(v), new String(after.get(k)), k));
    // The next run recovers and writes the new tree in full.
    TreeWriter.Report report = new TreeWriter().write(tree("base/a.yaml", "a: 2\n"), out);
    assertEquals(List.of("base/a.yaml"), report.changed());
    assertEquals(List.of("a: 2\n"), List.of(Files.readString(out.resolve("base/a.yaml"))));
  }

  @Test
  void aFullDiskNamesTheCauseAndTheFileAndLeavesNoStagingFolder() throws IOException {
    Path out = dir.resolve("acme");
    new TreeWriter().write(tree("base/a.yaml", "a: 1\n", "base/b.yaml", "b: 1\n"), out);
    Map<String, byte[]> snapshot = TreeWriter.read(out);
    TreeWriter full = failingAt("base/b.yaml", "No space left on device");
    java.io.UncheckedIOException e =
        assertThrows(
            java.io.UncheckedIOException.class,
            () -> full.write(tree("base/a.yaml", "a: 2\n", "base/b.yaml", "b: 2\n"), out));
    assertEquals(
        "cannot write the output to "
            + out
            + ": no space left on device (while writing base/b.yaml)",
        e.getMessage());
    try (var entries = Files.list(dir)) {
      assertEquals(
          List.of(".acme.lock", "acme"),
          entries.map(p -> p.getFileName().toString()).sorted().toList(),
          "no staging or old folder is left behind");
    }
    Map<String, byte[]> after = TreeWriter.read(out);
    assertEquals(snapshot.keySet(), after.keySet());
    snapshot.forEach((k, v) -> assertEquals(new String(v), new String(after.get(k)), k));
  }

  @Test
  void interruptedSwapIsFinishedByTheNextRun() throws IOException {
    Path out = dir.resolve("acme");
    new TreeWriter().write(tree("base/a.yaml", "a: 1\n"), out);
    // A process killed between the two renames leaves only the old tree beside the target.
    Files.move(out, dir.resolve(".acme.old"));

    TreeWriter.Report report = new TreeWriter().write(tree("base/a.yaml", "a: 1\n"), out);

    assertTrue(report.isNoOp());
    assertEquals("a: 1\n", Files.readString(out.resolve("base/a.yaml")));
    assertFalse(Files.exists(dir.resolve(".acme.old")));
  }

  @Test
  void concurrentWritersDoNotInterleave() throws Exception {
    Path out = dir.resolve("acme");
    List<GeneratedTree> trees = new ArrayList<>();
    for (int w = 0; w < 4; w++) {
      Map<String, String> files = new TreeMap<>();
      for (int f = 0; f < 50; f++) {
        files.put("base/f" + f + ".yaml", "writer: " + w + "\n");
      }
      trees.add(GeneratedTree.ofText(files));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> futures = new ArrayList<>();
    for (int round = 0; round < 5; round++) {
      for (GeneratedTree t : trees) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return new TreeWriter().write(t, out);
                }));
      }
    }
    start.countDown();
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    // Whichever writer came last, every file is from that one writer.
    Map<String, byte[]> result = TreeWriter.read(out);
    assertEquals(50, result.size());
    assertEquals(1, result.values().stream().map(String::new).distinct().count());
  }

  @Test
  void pathsThatLeaveTheOutputFolderAreRefused() {
    for (String bad :
        List.of("../x.yaml", "/etc/passwd", "base/../../x", "base//x", "a\\b", ".hidden/x")) {
      assertThrows(IllegalArgumentException.class, () -> tree(bad, "x"), bad);
    }
  }
}
