/*
 * What the MaaS API's ledger costs in memory work, apart from its store: TokenLedger over a store that keeps nothing
 * (as Redis does its part in another process) is filled to N issued tokens over U users, then batches of 50 issues
 * (what one write carries with 50 clients) are stored one after another, and the state is reloaded as the background
 * task does every 5 s (the whole state read back and merged in). Prints the process's CPU time per batch and per
 * reload: the ledger's own cost per token, which the load test's figures include, without the network or the store.
 *
 *   java -cp 'templates/token-service/service/target/classes:templates/token-service/service/target/lib/*' \
 *     tests/benchmarks/scripts/LedgerMemoryCost.java [sizes=10000,100000] [users=10000]
 *
 * Not a test: it asserts nothing.
 */
import dev.maas.tokenservice.state.Fact;
import dev.maas.tokenservice.state.IssuedToken;
import dev.maas.tokenservice.state.StateStore;
import dev.maas.tokenservice.state.TokenLedger;
import dev.maas.tokenservice.state.TokenState;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

public class LedgerMemoryCost {

  /** Keeps nothing; a read answers the state it was given. */
  static final class NoStore implements StateStore {
    volatile TokenState held = TokenState.EMPTY;

    public TokenState read() {
      return held;
    }

    public List<Fact> write(List<Fact> facts) {
      return facts;
    }

    public Optional<Fact> find(Fact.Kind kind, String user, String id) {
      return Optional.empty();
    }

    public int prune(long now) {
      return 0;
    }

    public String describe() {
      return "nothing";
    }
  }

  public static void main(String[] args) throws Exception {
    String[] sizes = (args.length > 0 ? args[0] : "10000,100000").split(",");
    int users = args.length > 1 ? Integer.parseInt(args[1]) : 10000;
    long now = Clock.systemUTC().instant().getEpochSecond();
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    for (String size : sizes) {
      int n = Integer.parseInt(size);
      NoStore store = new NoStore();
      try (TokenLedger ledger = new TokenLedger(store, 86_400, Clock.systemUTC())) {
        ledger.change(d -> {
          for (int i = 0; i < n; i++) {
            d.issue("user-" + (i % users), new IssuedToken(String.format("%032x", i), "premium", now, now + 3600, null));
          }
        });
        store.held = ledger.state();
        int next = n;
        int batches = 200;
        long cpu0 = 0;
        for (int b = -100; b < batches; b++) {
          if (b == 0) {
            cpu0 = os.getProcessCpuTime();
          }
          int first = next;
          next += 50;
          ledger.change(d -> {
            for (int i = first; i < first + 50; i++) {
              d.issue("user-" + (i % users), new IssuedToken(String.format("%032x", i), "premium", now, now + 3600, null));
            }
          });
        }
        double perBatch = (os.getProcessCpuTime() - cpu0) / 1e6 / batches;
        store.held = ledger.state();
        for (int r = 0; r < 5; r++) {
          ledger.reload();
        }
        long r0 = os.getProcessCpuTime();
        for (int r = 0; r < 10; r++) {
          ledger.reload();
        }
        double perReload = (os.getProcessCpuTime() - r0) / 1e6 / 10;
        System.out.printf("%,d tokens over %,d users: %.2f ms of CPU per batch of 50 issues (%.0f us per token);"
            + " %.1f ms per reload of the whole state%n", n, users, perBatch, perBatch * 1000 / 50, perReload);
      }
    }
    System.out.println("load average: " + Files.readString(Path.of("/proc/loadavg")).trim());
  }
}
