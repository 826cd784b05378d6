package dev.maas.tokenservice.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file store: state kept across a restart, leftovers of a killed write deleted at start. */
class FileStoreTest {

  @TempDir Path dir;

  @Test
  void tempFilesOfWritesAKilledProcessNeverFinishedAreDeletedAtStart() throws Exception {
    long now = Clock.systemUTC().instant().getEpochSecond();
    Path file = dir.resolve("tokens.json");
    new FileStore(file, 3600).write(List.of(Fact.revoked("u", "j1", now + 600)));
    // What a process killed between creating its temp file and the rename leaves behind.
    for (int i = 0; i < 3; i++) {
      Files.writeString(
          Files.createTempFile(dir, FileStore.TEMP_PREFIX, FileStore.TEMP_SUFFIX), "{\"rev");
    }
    Path unrelated = Files.writeString(dir.resolve("notes.tmp"), "kept");
    assertEquals(5, count());

    FileStore restarted = new FileStore(file, 3600);

    assertEquals(3, restarted.staleTempsRemoved());
    assertEquals(2, count(), "only the state file and the unrelated file are left");
    assertTrue(Files.exists(unrelated));
    assertTrue(restarted.read().isRevoked("j1", "u", now), "the state survived");
    restarted.write(List.of(Fact.revoked("u", "j2", now + 600)));
    assertEquals(2, count(), "a write leaves no temp file");
  }

  @Test
  void writesMergeAndPruneWhatExpired() throws Exception {
    long now = Clock.systemUTC().instant().getEpochSecond();
    FileStore store = new FileStore(dir.resolve("tokens.json"), 3600);
    store.write(
        List.of(
            Fact.revoked("u", "old", now - 5),
            Fact.cutOff("u", now - 10, 3600),
            Fact.cutOff("u", now - 20, 3600)));
    TokenState state = new FileStore(dir.resolve("tokens.json"), 3600).read();
    assertFalse(state.revoked().containsKey("u"), "the expired revocation went with the write");
    assertEquals(now - 10, state.revokedBefore().get("u"), "the later cut-off wins");
    assertEquals(
        Fact.cutOff("u", now - 10, 3600), store.find(Fact.Kind.CUT_OFF, "u", "").orElseThrow());
  }

  private long count() throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.count();
    }
  }
}
