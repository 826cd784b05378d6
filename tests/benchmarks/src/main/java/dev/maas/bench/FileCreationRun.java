package dev.maas.bench;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * What the file system charges for the writer's work, without the writer: create as many small
 * files as a 1,000-model output has, then force them from 16 threads, then delete them; four rounds
 * (or {@code -Drounds}). Tells the disk's share of a write figure apart from the code's. With
 * {@code -Dkeep=true} every round's folder is kept until the end: each round creates its files in a
 * new folder, with no deletion before.
 *
 * <p>{@code java -cp tests/benchmarks/target/benchmarks.jar dev.maas.bench.FileCreationRun DIR
 * [files]}
 */
public final class FileCreationRun {

  private FileCreationRun() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]);
    int files = args.length > 1 ? Integer.parseInt(args[1]) : 1257;
    byte[] bytes = new byte[1500];
    boolean keep = Boolean.getBoolean("keep");
    int rounds = Integer.getInteger("rounds", 4);
    for (int round = 0; round < rounds; round++) {
      Path folder = root.resolve("round-" + round);
      Files.createDirectories(folder);
      long start = System.nanoTime();
      for (int i = 0; i < files; i++) {
        Files.write(
            folder.resolve("file-" + i + ".yaml"),
            bytes,
            StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE);
      }
      long created = System.nanoTime();
      ExecutorService pool = Executors.newFixedThreadPool(16);
      List<Future<?>> forced = new ArrayList<>();
      for (int i = 0; i < files; i++) {
        Path file = folder.resolve("file-" + i + ".yaml");
        forced.add(
            pool.submit(
                () -> {
                  try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    channel.force(true);
                  }
                  return null;
                }));
      }
      for (Future<?> f : forced) {
        f.get();
      }
      pool.shutdown();
      long done = System.nanoTime();
      System.out.printf(
          "%s: %d files created in %d ms, forced in %d ms%n",
          root, files, (created - start) / 1_000_000, (done - created) / 1_000_000);
      if (!keep) {
        delete(folder);
      }
    }
    delete(root);
  }

  private static void delete(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
