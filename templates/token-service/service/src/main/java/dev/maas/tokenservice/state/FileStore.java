package dev.maas.tokenservice.state;

import dev.maas.tokenservice.json.Json;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The state in a local file, replaced atomically (temp file and rename) so that a crash never
 * leaves half a file. One process owns the file: it is the store outside a cluster, where there is
 * one replica.
 */
public final class FileStore implements StateStore {

  private final Path file;

  public FileStore(Path file) throws IOException {
    this.file = file;
    Files.createDirectories(file.toAbsolutePath().getParent());
  }

  @Override
  public Snapshot read() throws IOException {
    TokenState state =
        Files.exists(file)
            ? Json.MAPPER.readValue(file.toFile(), TokenState.class)
            : TokenState.EMPTY;
    return new Snapshot(state, null);
  }

  @Override
  public Optional<Snapshot> write(TokenState state, Snapshot basis) throws IOException {
    Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".tokens", ".tmp");
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
    return Optional.of(new Snapshot(state, null));
  }
}
