package dev.maas.plugin.fork;

import dev.maas.api.GenerateRequest;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

/**
 * A JVM that runs one compiling {@code generate} and exits: C1 only and the parallel collector, as
 * the command line's launcher runs, because a run lives seconds and the C2 compiler's threads cost
 * a small machine more than they give back in that time, while the collector's pauses stop it.
 *
 * @param java the {@code java} executable
 * @param classPath the plugin's own class path: its jar and its dependencies
 * @param archiveFolder where class-data archives are kept between builds, or {@code null} for none
 */
public record ForkedJvm(Path java, List<Path> classPath, Path archiveFolder) {

  /** The system properties of this JVM that the child reads the same way. */
  private static final List<String> FORWARDED = List.of("maas.timings");

  /** The {@code java} of the JDK this JVM runs on. */
  public static Path currentJava() {
    String exe = File.separatorChar == '\\' ? "java.exe" : "java";
    return Path.of(System.getProperty("java.home"), "bin", exe);
  }

  /**
   * Compiles {@code request} in a new JVM and returns its answer; the child's standard error is
   * this process's. Fails when the JVM cannot start or stops before it answers.
   */
  public ForkedOutcome generate(GenerateRequest request, Consumer<String> debug)
      throws IOException {
    Path archive = archive(request.pluginVersion());
    boolean mapped = archive != null && Files.isRegularFile(archive);
    Path recording = archive == null || mapped ? null : recording(archive);
    List<String> command = command(mapped ? archive : null, recording);
    debug.accept("maas: compiling in a forked JVM: " + String.join(" ", command));
    Process child =
        new ProcessBuilder(command)
            .directory(new File(System.getProperty("user.dir")))
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    // A build stopped by Ctrl-C stops the compilation with it, as when it ran in Maven's JVM.
    Thread stop = new Thread(child::destroy, "maas-stop-forked-generate");
    Runtime.getRuntime().addShutdownHook(stop);
    ForkedOutcome outcome;
    int status;
    try (OutputStream in = new BufferedOutputStream(child.getOutputStream());
        InputStream out = new BufferedInputStream(child.getInputStream(), 1 << 16)) {
      Frames.writeRequest(in, request);
      in.close();
      outcome = Frames.readOutcome(out);
      status = waitFor(child);
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(stop);
      } catch (IllegalStateException e) {
        // This JVM is shutting down: the hook stops the child.
      }
    }
    if (recording != null) {
      keep(recording, archive, status == 0 && outcome != null, debug);
    }
    if (outcome == null) {
      throw new IOException(
          "the compiling JVM ("
              + java
              + ") ended with exit status "
              + status
              + " before it answered");
    }
    return outcome;
  }

  /** The command line: options, then the class path and the child's entry point. */
  List<String> command(Path mappedArchive, Path recording) {
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    // Another JDK's java may lack an option below; it is then left out, not an error.
    command.add("-XX:+IgnoreUnrecognizedVMOptions");
    command.add("-XX:TieredStopAtLevel=1");
    // Every young collection stops the run: the parallel collector's pauses take half the serial
    // one's on two processors.
    command.add("-XX:+UseParallelGC");
    // What outlives one young collection (the spec, the rendered tree, the parsed policies) mostly
    // lives until the run ends: it is moved to the old generation at once, not copied between
    // survivor spaces.
    command.add("-XX:MaxTenuringThreshold=0");
    command.add("-XX:SurvivorRatio=64");
    // At most 64 MB of young generation (by default a third of a share of the machine's memory):
    // each page costs a fault when first touched, and a larger one collected no faster. A cap, not
    // a size (-Xmn), leaves a small machine's smaller default alone, with no warning.
    command.add("-XX:MaxNewSize=64m");
    // No performance-data file under /tmp for jstat: creating it is slow on some disks.
    command.add("-XX:-UsePerfData");
    if (mappedArchive != null) {
      // An archive of another JDK or class path is ignored by the JVM, which then loads as usual.
      command.add("-Xshare:auto");
      command.add("-XX:SharedArchiveFile=" + mappedArchive);
      command.add("-Xlog:cds=off,cds+dynamic=off");
      // Mapped where it was made: relocating patches every pointer in it, at each start.
      command.add("-XX:+UnlockDiagnosticVMOptions");
      command.add("-XX:ArchiveRelocationMode=0");
    } else if (recording != null) {
      command.add("-XX:ArchiveClassesAtExit=" + recording);
      command.add("-Xlog:cds=off,cds+dynamic=off");
    }
    // The libraries' SLF4J finds no provider on the plugin's class path (Maven's own serves it in
    // Maven's JVM) and would say so on every run; their log lines are dropped, not the compiler's.
    command.add("-Dslf4j.provider=org.slf4j.helpers.NOP_FallbackServiceProvider");
    command.add("-Dslf4j.internal.verbosity=WARN");
    for (String property : FORWARDED) {
      String value = System.getProperty(property);
      if (value != null) {
        command.add("-D" + property + "=" + value);
      }
    }
    command.add("-cp");
    List<String> entries = new ArrayList<>();
    for (Path entry : classPath) {
      entries.add(entry.toString());
    }
    command.add(String.join(File.pathSeparator, entries));
    command.add(ForkedGenerate.class.getName());
    return command;
  }

  /**
   * The class-data archive for this JVM and class path, or {@code null} when none can be kept: no
   * folder, or a class path entry that is not a jar (the JVM archives classes from jars only). Its
   * name holds the plugin's version and a checksum of the java and of each class path entry's name,
   * size and modification time, so a rebuilt jar gets a new archive.
   */
  Path archive(String pluginVersion) throws IOException {
    if (archiveFolder == null || classPath.isEmpty()) {
      return null;
    }
    Path real;
    try {
      real = java.toRealPath();
    } catch (IOException e) {
      return null;
    }
    // The JDK's own class files: an update of it in place keeps its path.
    Path home = real.getParent().getParent();
    StringBuilder stamp = new StringBuilder();
    stamp(stamp, real);
    if (Files.isRegularFile(home.resolve("lib/modules"))) {
      stamp(stamp, home.resolve("lib/modules"));
    }
    stamp.append('\n');
    for (Path entry : classPath) {
      if (!entry.getFileName().toString().endsWith(".jar") || !Files.isRegularFile(entry)) {
        return null;
      }
      stamp(stamp, entry);
    }
    CRC32C crc = new CRC32C();
    crc.update(stamp.toString().getBytes(StandardCharsets.UTF_8));
    String version = pluginVersion == null ? "" : pluginVersion.replaceAll("[^A-Za-z0-9._-]", "_");
    return archiveFolder.resolve(
        "generate-" + version + "-" + Long.toHexString(javaKey(home)) + "-" + hex(crc) + ".jsa");
  }

  /** Where a new archive is recorded before it is moved into place, or null when it cannot be. */
  private static Path recording(Path archive) {
    try {
      Files.createDirectories(archive.getParent());
    } catch (IOException e) {
      return null;
    }
    return Files.isWritable(archive.getParent())
        ? archive.resolveSibling(
            archive.getFileName() + "." + ProcessHandle.current().pid() + "-" + System.nanoTime())
        : null;
  }

  /**
   * Moves a recorded archive into place (a reader never maps half a file), and removes the archives
   * of the same plugin version and java made for older class paths.
   */
  private static void keep(Path recording, Path archive, boolean ok, Consumer<String> debug) {
    try {
      if (!ok || !Files.isRegularFile(recording)) {
        Files.deleteIfExists(recording);
        return;
      }
      Files.move(
          recording, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      debug.accept("maas: recorded the class-data archive " + archive);
      String name = archive.getFileName().toString();
      String sameJava = name.substring(0, name.lastIndexOf('-') + 1);
      try (DirectoryStream<Path> siblings =
          Files.newDirectoryStream(archive.getParent(), sameJava + "*.jsa")) {
        for (Path older : siblings) {
          if (!older.equals(archive)) {
            Files.deleteIfExists(older);
          }
        }
      }
    } catch (IOException e) {
      // Only the next run's start is slower: it records the archive again.
      debug.accept("maas: class-data archive not kept: " + e);
    }
  }

  private static int waitFor(Process child) throws IOException {
    try {
      return child.waitFor();
    } catch (InterruptedException e) {
      child.destroy();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while the compiling JVM ran", e);
    }
  }

  private static long javaKey(Path home) {
    CRC32C crc = new CRC32C();
    crc.update(home.toString().getBytes(StandardCharsets.UTF_8));
    return crc.getValue();
  }

  private static void stamp(StringBuilder stamp, Path file) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
    stamp
        .append(file.toAbsolutePath())
        .append(' ')
        .append(attributes.size())
        .append(' ')
        .append(attributes.lastModifiedTime().toMillis())
        .append('\n');
  }

  private static String hex(CRC32C crc) {
    return Long.toHexString(crc.getValue());
  }
}
