package dev.maas.e2e.guide;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;

/** The working tree copied as a fresh clone has it: no build output, tools or Git data. */
public final class FreshCopy {

  private static final Set<String> SKIPPED = Set.of("target", "node_modules", ".git", ".idea");

  private FreshCopy() {}

  /** Copies {@code from} to {@code to}; fails when the wrapper loses its executable bit. */
  public static void of(Path from, Path to) throws IOException {
    Files.walkFileTree(
        from,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
            if (!dir.equals(from) && (SKIPPED.contains(name) || name.startsWith("target-"))) {
              return FileVisitResult.SKIP_SUBTREE;
            }
            Files.createDirectories(to.resolve(from.relativize(dir).toString()));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Path target = to.resolve(from.relativize(file).toString());
            if (Files.isSymbolicLink(file)) {
              Files.createSymbolicLink(target, Files.readSymbolicLink(file));
            } else {
              Files.copy(
                  file, target, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
            }
            return FileVisitResult.CONTINUE;
          }
        });
    if (!Files.isExecutable(to.resolve("mvnw"))) {
      throw new IOException("mvnw lost its executable bit in the copy of " + from);
    }
  }
}
