package dev.maas.plugin.fork;

import dev.maas.api.GenerateRequest;
import dev.maas.api.GenerateResult;
import dev.maas.api.GitTarget;
import dev.maas.diag.Diagnostic;
import dev.maas.diag.Severity;
import dev.maas.diag.SourceLocation;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The request and the answer as the parent and the child exchange them: tagged fields, each string
 * as its length and UTF-8 bytes, so that any text (a line break in a message included) arrives as
 * it left.
 */
final class Frames {

  private static final int DIAGNOSTIC = 'D';
  private static final int WROTE = 'L';
  private static final int UP_TO_DATE = 'U';
  private static final int FAILED_WRITE = 'I';
  private static final int CRASH = 'X';
  private static final int END = 'E';

  private Frames() {}

  /** Sends {@code request}. */
  static void writeRequest(DataOutputStream out, GenerateRequest request) throws IOException {
    writePath(out, request.baseDir());
    writePath(out, request.spec());
    writePath(out, request.outputDirectory());
    writePath(out, request.crdsDirectory());
    writePath(out, request.overlaysDirectory());
    writeString(out, request.pluginVersion());
    out.writeBoolean(request.force());
    GitTarget target = request.gitTarget();
    writeString(out, target.url());
    writeString(out, target.branch());
    writeString(out, target.path());
    out.flush();
  }

  /** Reads what {@link #writeRequest} sent. */
  static GenerateRequest readRequest(DataInputStream in) throws IOException {
    Path baseDir = readPath(in);
    Path spec = readPath(in);
    Path output = readPath(in);
    Path crds = readPath(in);
    Path overlays = readPath(in);
    String pluginVersion = readString(in);
    boolean force = in.readBoolean();
    GitTarget target = new GitTarget(readString(in), readString(in), readString(in));
    return new GenerateRequest(
        baseDir, spec, output, crds, overlays, pluginVersion, force, target.none() ? null : target);
  }

  /** Sends the compiler's answer, then the end. */
  static void writeResult(DataOutputStream out, GenerateResult result) throws IOException {
    for (Diagnostic d : result.diagnostics()) {
      out.writeByte(DIAGNOSTIC);
      writeString(out, d.severity().name());
      writeString(out, d.code());
      writeString(out, d.location().file());
      out.writeInt(d.location().line());
      out.writeInt(d.location().column());
      writeString(out, d.pointer());
      writeString(out, d.message());
      writeString(out, d.hint());
    }
    if (result.upToDate()) {
      out.writeByte(UP_TO_DATE);
    }
    for (String line : result.writeLines()) {
      out.writeByte(WROTE);
      writeString(out, line);
    }
    end(out);
  }

  /** Sends a failed read or write of the machine's files, then the end. */
  static void writeFailedWrite(DataOutputStream out, String message) throws IOException {
    out.writeByte(FAILED_WRITE);
    writeString(out, message);
    end(out);
  }

  /** Sends what an unexpected exception said, then the end. */
  static void writeCrash(DataOutputStream out, String text) throws IOException {
    out.writeByte(CRASH);
    writeString(out, text);
    end(out);
  }

  /** Reads the answer up to its end; {@code null} when the child stopped before it. */
  static ForkedOutcome readOutcome(DataInputStream in) throws IOException {
    List<Diagnostic> diagnostics = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    boolean upToDate = false;
    String failedWrite = null;
    String crash = null;
    try {
      for (int tag = in.readByte(); tag != END; tag = in.readByte()) {
        switch (tag) {
          case DIAGNOSTIC ->
              diagnostics.add(
                  new Diagnostic(
                      Severity.valueOf(readString(in)),
                      readString(in),
                      new SourceLocation(readString(in), in.readInt(), in.readInt()),
                      readString(in),
                      readString(in),
                      readString(in)));
          case UP_TO_DATE -> upToDate = true;
          case WROTE -> lines.add(readString(in));
          case FAILED_WRITE -> failedWrite = readString(in);
          case CRASH -> crash = readString(in);
          default -> throw new IOException("unknown frame " + tag + " from the compiling JVM");
        }
      }
    } catch (EOFException e) {
      return null;
    }
    return new ForkedOutcome(
        List.copyOf(diagnostics), upToDate, List.copyOf(lines), failedWrite, crash);
  }

  private static void end(DataOutputStream out) throws IOException {
    out.writeByte(END);
    out.flush();
  }

  private static void writePath(DataOutputStream out, Path path) throws IOException {
    writeString(out, path == null ? null : path.toString());
  }

  private static Path readPath(DataInputStream in) throws IOException {
    String path = readString(in);
    return path == null ? null : Path.of(path);
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    if (s == null) {
      out.writeInt(-1);
      return;
    }
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static String readString(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0) {
      return null;
    }
    byte[] bytes = new byte[length];
    in.readFully(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
