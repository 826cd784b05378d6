package dev.maas.tokenservice;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** Tests of one class that share one {@link TestService}, started before them and closed after. */
public abstract class WithService {

  @TempDir static Path dir;

  protected static TestService service;

  @BeforeAll
  static void start() throws Exception {
    service = new TestService(dir);
  }

  @AfterAll
  static void stop() {
    service.close();
  }
}
