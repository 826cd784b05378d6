package dev.maas.plugin.fork;

import dev.maas.api.GenerateRequest;
import dev.maas.api.MaasCompiler;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * The child's entry point: reads one generate request on standard input, compiles it, and answers
 * on standard output.
 */
public final class ForkedGenerate {

  private ForkedGenerate() {}

  /** Runs one request; standard error carries what the compiler prints there, as in Maven's JVM. */
  public static void main(String[] args) throws IOException {
    OutputStream answer =
        new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
    // The answer owns standard output: anything else printed there would break its frames.
    System.setOut(System.err);
    GenerateRequest request = Frames.readRequest(new BufferedInputStream(System.in));
    try {
      Frames.writeResult(answer, new MaasCompiler().generate(request));
    } catch (UncheckedIOException e) {
      Frames.writeFailedWrite(answer, e.getMessage());
    } catch (RuntimeException | Error e) {
      e.printStackTrace();
      Frames.writeCrash(answer, e.toString());
    }
    // The compiler's worker threads are not waited for; the class-data archive, when one is being
    // made, is written now.
    System.exit(0);
  }
}
