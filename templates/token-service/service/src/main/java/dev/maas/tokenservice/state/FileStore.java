package dev.maas.tokenservice.state;

import dev.maas.tokenservice.json.Json;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;

/**
 * The state in a local file, replaced atomically (temp file and rename) so that a crash never
 * leaves half a file. One process owns the file: it is the store outside a cluster, where there is
 * one replica. Temp files a killed process left behind are deleted at start.
 */
public final class FileStore implements StateStore {

  /** The prefix and suffix of the temp files a write goes through before its rename. */
  static final String TEMP_PREFIX = ".tokens";

  static final String TEMP_SUFFIX = ".tmp";

  private final Path file;
  private final long maxTtl;
  private final Clock clock;
  private TokenState stored;

  /**
   * The store in {@code file}; a cut-off is kept {@code maxTtl} past its second. Deletes the temp
   * files of writes a killed process never finished.
   */
  public FileStore(Path file, long maxTtl) throws IOException {
    this(file, maxTtl, Clock.systemUTC());
  }

  /** {@link #FileStore(Path, long)} pruning at {@code clock}'s time as it writes. */
  public FileStore(Path file, long maxTtl, Clock clock) throws IOException {
    this.file = file.toAbsolutePath();
    this.maxTtl = maxTtl;
    this.clock = clock;
    Files.createDirectories(this.file.getParent());
    removeStaleTemps();
  }

  /** How many temp files the last start found and deleted. */
  private int removed;

  /** The temp files deleted at start, left by a process killed within a write. */
  public int staleTempsRemoved() {
    return removed;
  }

  private void removeStaleTemps() throws IOException {
    // Only this process writes the folder's state file, and it has not written yet: every temp
    // file of ours in it is a leftover.
    try (DirectoryStream<Path> temps =
        Files.newDirectoryStream(file.getParent(), TEMP_PREFIX + "*" + TEMP_SUFFIX)) {
      for (Path temp : temps) {
        if (Files.deleteIfExists(temp)) {
          removed++;
        }
      }
    }
  }

  @Override
  public synchronized TokenState read() throws IOException {
    stored =
        Files.exists(file)
            ? Json.MAPPER.readValue(file.toFile(), TokenState.class)
            : TokenState.EMPTY;
    return stored;
  }

  @Override
  public synchronized List<Fact> write(List<Fact> facts) throws IOException {
    if (facts.isEmpty()) {
      return facts;
    }
    TokenState.Draft draft = (stored != null ? stored : read()).draft();
    facts.forEach(draft::apply);
    // The whole file is written anyway: what can no longer matter goes with each write.
    TokenState next = draft.build().pruned(clock.instant().getEpochSecond(), maxTtl);
    replace(next);
    stored = next;
    // This process is the file's only writer: what it stored is what it wrote, merged into what it
    // held, which the ledger merges the same way.
    return facts;
  }

  @Override
  public synchronized java.util.Optional<Fact> find(Fact.Kind kind, String user, String id)
      throws IOException {
    TokenState current = stored != null ? stored : read();
    String key = Fact.keyOf(kind, user, id);
    return current.facts(maxTtl).stream().filter(f -> f.key().equals(key)).findFirst();
  }

  @Override
  public synchronized int prune(long now) throws IOException {
    TokenState current = stored != null ? stored : read();
    TokenState kept = current.pruned(now, maxTtl);
    int gone = current.facts(maxTtl).size() - kept.facts(maxTtl).size();
    if (gone > 0) {
      replace(kept);
      stored = kept;
    }
    return gone;
  }

  @Override
  public String describe() {
    return file.toString();
  }

  private void replace(TokenState state) throws IOException {
    Path temp = Files.createTempFile(file.getParent(), TEMP_PREFIX, TEMP_SUFFIX);
    try {
      Files.write(temp, Json.MAPPER.writeValueAsBytes(state));
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
