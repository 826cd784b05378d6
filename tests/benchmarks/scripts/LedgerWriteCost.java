/*
 * What one stored change of the MaaS API's ledger costs as its state grows: the ledger's own code (TokenLedger over
 * FileStore, in a temporary folder) is filled to N issued tokens over U users in one batch, then one token is
 * issued at a time and the time until it is stored is measured. With C concurrent clients, each waiting for its own
 * change to be stored, C / (that time) bounds the tokens issued per second, whatever the signature costs. The
 * process's CPU time per change is printed too: on a busy machine the wall time also holds the waits for a processor
 * of the two threads that hand each change over.
 *
 *   java -cp 'templates/token-service/service/target/classes:templates/token-service/service/target/lib/*' \
 *     tests/benchmarks/scripts/LedgerWriteCost.java [sizes=1000,10000,50000,100000] [users=5000]
 *
 * Not a test: it asserts nothing.
 */
import dev.maas.tokenservice.state.FileStore;
import dev.maas.tokenservice.state.IssuedToken;
import dev.maas.tokenservice.state.TokenLedger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;

public class LedgerWriteCost {

  public static void main(String[] args) throws Exception {
    String[] sizes = (args.length > 0 ? args[0] : "1000,10000,50000,100000").split(",");
    int users = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
    long now = Clock.systemUTC().instant().getEpochSecond();
    for (String size : sizes) {
      int n = Integer.parseInt(size);
      Path dir = Files.createTempDirectory("ledger-cost");
      Path file = dir.resolve("tokens.json");
      try (TokenLedger ledger = new TokenLedger(new FileStore(file), 86_400, Clock.systemUTC())) {
        ledger.change(d -> {
          for (int i = 0; i < n; i++) {
            d.issue("user-" + (i % users), new IssuedToken(String.format("%032x", i), "premium", now, now + 3600, null));
          }
        });
        // 20 changes to warm the JIT, then 30 measured.
        long[] ms = new long[30];
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
            .getOperatingSystemMXBean();
        long cpu0 = 0;
        for (int i = -20; i < ms.length; i++) {
          String jti = String.format("%032x", n + 20 + i);
          long t0 = System.nanoTime();
          ledger.change(d -> d.issue("user-0", new IssuedToken(jti, "premium", now, now + 3600, null)));
          if (i >= 0) {
            ms[i] = System.nanoTime() - t0;
          } else if (i == -1) {
            cpu0 = os.getProcessCpuTime();
          }
        }
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e6 / ms.length;
        Arrays.sort(ms);
        double median = ms[ms.length / 2] / 1e6;
        System.out.printf("%,d tokens (%,d bytes stored): one stored change %.1f ms (median of %d; %.1f ms of CPU),"
            + " so at most %,.0f tokens/s from 50 clients (%,.0f if each took only its CPU time)%n", n,
            Files.size(file), median, ms.length, cpu, 50 * 1000 / median, 50 * 1000 / cpu);
      }
      try (var files = Files.list(dir)) {
        for (Path f : files.toList()) {
          Files.delete(f);
        }
      }
      Files.delete(dir);
    }
    System.out.println("load average: " + Files.readString(Path.of("/proc/loadavg")).trim());
  }
}
