package dev.maas.plugin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.maas.validate.PlatformSchema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The schema goal writes the packaged schema byte for byte, and honours maas.skip. */
class SchemaMojoTest {

  @Test
  void writesThePackagedSchemaIntoNewFolders(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("a/b/platform-spec.schema.json");
    SchemaMojo mojo = new SchemaMojo();
    mojo.output = out.toFile();
    mojo.execute();
    assertArrayEquals(
        PlatformSchema.get().text().getBytes(StandardCharsets.UTF_8), Files.readAllBytes(out));
  }

  @Test
  void leavesAnUpToDateFileUntouched(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("platform-spec.schema.json");
    Files.writeString(out, PlatformSchema.get().text());
    FileTime old = FileTime.fromMillis(1_000_000L);
    Files.setLastModifiedTime(out, old);
    SchemaMojo mojo = new SchemaMojo();
    mojo.output = out.toFile();
    mojo.execute();
    assertEquals(old, Files.getLastModifiedTime(out));
  }

  @Test
  void skipWritesNothing(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("platform-spec.schema.json");
    SchemaMojo mojo = new SchemaMojo();
    mojo.output = out.toFile();
    mojo.skip = true;
    mojo.execute();
    assertFalse(Files.exists(out));
  }
}
