package dev.maas.tests.publish;

import dev.maas.diag.UserInputException;
import dev.maas.publish.GitPublisher;
import dev.maas.publish.PublishReport;
import dev.maas.publish.PublishRequest;
import java.nio.file.Path;
import java.util.Map;

/**
 * Publishes one small tree from its own JVM, to race other processes: {@code PublishMain <url>
 * <branch> <path> <workDir> <marker>}; prints {@code outcome=.. retries=.. commit=..}.
 */
public final class PublishMain {

  private PublishMain() {}

  /** Entry point; exit code 0 on success, 2 on a reported failure. */
  public static void main(String[] args) {
    String marker = args[4];
    PublishRequest request =
        PublishRequest.builder(
                Trees.platform(
                    "acme",
                    100,
                    Map.of(
                        "base/marker-" + marker + ".yaml",
                        "kind: ConfigMap\nmetadata:\n  name: " + marker + "\n")),
                args[0],
                args[1],
                args[2],
                Path.of(args[3]))
            .provenance("acme", "0".repeat(64), "test")
            .maxRetries(20)
            .build();
    try {
      PublishReport report = new GitPublisher().publish(request);
      System.out.println(
          "outcome="
              + report.outcome()
              + " retries="
              + report.retries()
              + " commit="
              + report.commitId());
    } catch (UserInputException e) {
      System.out.println("failure=" + e.getMessage());
      System.exit(2);
    }
  }
}
