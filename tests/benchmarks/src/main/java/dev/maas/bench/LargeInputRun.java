package dev.maas.bench;

import dev.maas.spec.ReadLimits;
import dev.maas.spec.SpecReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the largest inputs the reader accepts: a spec padded to the size limit with comment lines
 * at the line limit, and one padded with short lines. Prints wall time, the reading thread's CPU
 * time and the heap in use, so the cost of an accepted input can be compared with the limits'
 * promise (linear, under 2 s and 256 MB).
 *
 * <p>{@code java -Xmx256m -XX:+UseSerialGC -cp tests/benchmarks/target/benchmarks.jar
 * dev.maas.bench.LargeInputRun platform-specs/acme.yaml}
 */
public final class LargeInputRun {

  private LargeInputRun() {}

  public static void main(String[] args) throws Exception {
    byte[] spec = Files.readAllBytes(Path.of(args[0]));
    int budget = (int) ReadLimits.DEFAULT.maxBytes() - spec.length - 1;
    read("lines at the limit", padded(spec, ReadLimits.DEFAULT.maxLineChars() - 1, budget));
    read("80-character lines", padded(spec, 79, budget));
  }

  /**
   * The spec followed by comment lines of {@code lineChars} characters, up to {@code budget} bytes.
   */
  private static byte[] padded(byte[] spec, int lineChars, int budget) {
    String line = "#" + "x".repeat(lineChars - 1) + "\n";
    StringBuilder text = new StringBuilder(new String(spec, StandardCharsets.UTF_8));
    if (text.charAt(text.length() - 1) != '\n') {
      text.append('\n');
    }
    text.append(line.repeat(budget / line.length()));
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void read(String label, byte[] bytes) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Runtime runtime = Runtime.getRuntime();
    System.gc();
    long cpu = threads.getCurrentThreadCpuTime();
    long wall = System.nanoTime();
    new SpecReader().read(bytes, label);
    long wallMs = (System.nanoTime() - wall) / 1_000_000;
    long cpuMs = (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000;
    long heapMb = (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
    System.out.printf(
        "  %-20s %5.1f MiB  %6d ms wall  %6d ms cpu  %4d MB heap in use%n",
        label, bytes.length / 1048576.0, wallMs, cpuMs, heapMb);
  }
}
