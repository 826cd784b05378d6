package dev.maas.tests.publish;

import static dev.maas.tests.publish.GitCli.commitCount;
import static dev.maas.tests.publish.GitCli.git;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maas.publish.GitPublisher;
import dev.maas.publish.PublishReport;
import dev.maas.publish.PublishRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publishers racing on one remote, from threads and from separate JVMs: every change lands, history
 * stays linear.
 */
class PublishRaceTest {

  private static final int THREADS = 6;
  private static final int ROUNDS = 3;
  private static final int PROCESSES = 4;

  @TempDir static Path served;
  @AutoClose private static GitDaemon daemon;

  @TempDir Path scratch;

  @BeforeAll
  static void startDaemon() throws Exception {
    daemon = GitDaemon.serve(served);
  }

  @Test
  void threadsPublishingDifferentFoldersAllLand() throws Exception {
    Path remote = daemon.initBare("threads");
    String url = daemon.url("threads");
    List<String> tips = new ArrayList<>();
    int retries = 0;
    int pushed = 0;
    for (int round = 0; round < ROUNDS; round++) {
      int limit = round;
      List<PublishReport> reports =
          race(
              THREADS,
              i ->
                  PublishRequest.builder(
                          Trees.platform("p" + i, limit, Map.of()),
                          url,
                          "main",
                          "clusters/p" + i,
                          scratch.resolve("clone-" + i))
                      .provenance("p" + i, "b".repeat(64), "test")
                      .maxRetries(20)
                      .build());
      for (PublishReport report : reports) {
        assertEquals(PublishReport.Outcome.PUSHED, report.outcome());
        assertEquals(
            0,
            GitCli.run(remote, "merge-base", "--is-ancestor", report.commitId(), "main")
                .exitCode());
        retries += report.retries();
        pushed++;
      }
      tips.add(git(remote, "rev-parse", "main"));
    }
    assertEquals(THREADS * ROUNDS, commitCount(remote, "main"), "one commit per publication");
    assertEquals("", git(remote, "rev-list", "--merges", "main"), "history is linear");
    for (String tip : tips) {
      assertEquals(
          0,
          GitCli.run(remote, "merge-base", "--is-ancestor", tip, "main").exitCode(),
          "no force push: " + tip + " is still reachable");
    }
    for (int i = 0; i < THREADS; i++) {
      assertTrue(
          git(remote, "show", "main:clusters/p" + i + "/base/token-limits.yaml")
              .contains("limit: " + (ROUNDS - 1)),
          "p" + i + " has its last change");
    }
    System.out.printf(
        "race (threads, different folders): %d publishers x %d rounds, %d pushes, %d retries%n",
        THREADS, ROUNDS, pushed, retries);
    assertTrue(retries > 0, "the publishers did collide (else this test proves nothing)");
  }

  @Test
  void threadsPublishingTheSameFolderLandOneAfterTheOther() throws Exception {
    Path remote = daemon.initBare("same");
    String url = daemon.url("same");
    List<PublishReport> reports =
        race(
            THREADS,
            i ->
                PublishRequest.builder(
                        Trees.platform(
                            "acme",
                            100,
                            Map.of(
                                "base/extra-" + i + ".yaml",
                                "kind: ConfigMap\nmetadata:\n  name: extra-" + i + "\n")),
                        url,
                        "main",
                        "clusters/acme",
                        scratch.resolve("clone-" + i))
                    .provenance("acme", "c".repeat(64), "test")
                    .maxRetries(20)
                    .build());
    int retries = reports.stream().mapToInt(PublishReport::retries).sum();
    assertEquals(THREADS, commitCount(remote, "main"));
    assertEquals("", git(remote, "rev-list", "--merges", "main"));
    for (PublishReport report : reports) {
      assertEquals(
          0,
          GitCli.run(remote, "merge-base", "--is-ancestor", report.commitId(), "main").exitCode());
    }
    // The folder holds exactly the last writer's tree, never a mixture.
    String files = git(remote, "ls-tree", "-r", "--name-only", "main");
    assertEquals(1, files.lines().filter(l -> l.contains("extra-")).count(), files);
    System.out.printf("race (threads, same folder): %d publishers, %d retries%n", THREADS, retries);
  }

  @Test
  void threadsSharingOneCloneFolderTakeTurns() throws Exception {
    Path remote = daemon.initBare("sharedclone");
    String url = daemon.url("sharedclone");
    List<PublishReport> reports =
        race(
            4,
            i ->
                PublishRequest.builder(
                        Trees.platform("p" + i, 1, Map.of()),
                        url,
                        "main",
                        "clusters/p" + i,
                        scratch.resolve("one-clone"))
                    .provenance("p" + i, "d".repeat(64), "test")
                    .build());
    assertEquals(4, reports.stream().filter(PublishReport::pushed).count());
    assertEquals(4, commitCount(remote, "main"));
    assertEquals(
        0, reports.stream().mapToInt(PublishReport::retries).sum(), "the lock serialises them");
  }

  @Test
  void separateProcessesAllLand() throws Exception {
    Path remote = daemon.initBare("processes");
    String url = daemon.url("processes");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<Process> processes = new ArrayList<>();
    for (int i = 0; i < PROCESSES; i++) {
      processes.add(
          new ProcessBuilder(
                  java,
                  "-cp",
                  System.getProperty("java.class.path"),
                  PublishMain.class.getName(),
                  url,
                  "main",
                  "clusters/proc" + i,
                  scratch.resolve("proc-clone-" + i).toString(),
                  "m" + i)
              .redirectErrorStream(true)
              .start());
    }
    int retries = 0;
    for (Process process : processes) {
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(process.waitFor(120, TimeUnit.SECONDS), "publisher process finished");
      assertEquals(0, process.exitValue(), output);
      String line =
          output
              .lines()
              .filter(l -> l.startsWith("outcome="))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no report in: " + output));
      assertTrue(line.startsWith("outcome=PUSHED"), line);
      retries += Integer.parseInt(line.replaceAll(".*retries=(\\d+).*", "$1"));
      String commit = line.replaceAll(".*commit=([0-9a-f]+).*", "$1");
      assertEquals(
          0, GitCli.run(remote, "merge-base", "--is-ancestor", commit, "main").exitCode(), commit);
    }
    assertEquals(PROCESSES, commitCount(remote, "main"));
    assertEquals("", git(remote, "rev-list", "--merges", "main"));
    String files = git(remote, "ls-tree", "-r", "--name-only", "main");
    for (int i = 0; i < PROCESSES; i++) {
      assertTrue(files.contains("clusters/proc" + i + "/base/marker-m" + i + ".yaml"), files);
    }
    System.out.printf("race (processes): %d JVMs, %d retries%n", PROCESSES, retries);
  }

  /**
   * Runs {@code count} publications at once (released together by a barrier); their reports in
   * index order.
   */
  private static List<PublishReport> race(
      int count, java.util.function.IntFunction<PublishRequest> requests) throws Exception {
    CyclicBarrier start = new CyclicBarrier(count);
    ExecutorService pool = Executors.newFixedThreadPool(count);
    try {
      List<Future<PublishReport>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        PublishRequest request = requests.apply(i);
        futures.add(
            pool.submit(
                () -> {
                  start.await(30, TimeUnit.SECONDS);
                  return new GitPublisher().publish(request);
                }));
      }
      List<PublishReport> reports = new ArrayList<>();
      for (Future<PublishReport> future : futures) {
        reports.add(future.get(120, TimeUnit.SECONDS));
      }
      return reports;
    } finally {
      pool.shutdownNow();
    }
  }
}
