package dev.maas.tokenservice;

import dev.maas.tokenservice.api.ApiRoutes;
import dev.maas.tokenservice.audit.AuditLog;
import dev.maas.tokenservice.audit.OtlpAuditExporter;
import dev.maas.tokenservice.config.ConfigFiles;
import dev.maas.tokenservice.config.ServiceConfig;
import dev.maas.tokenservice.http.Listener;
import dev.maas.tokenservice.http.Router;
import dev.maas.tokenservice.http.Servers;
import dev.maas.tokenservice.json.ConfigCodec;
import dev.maas.tokenservice.jwt.SignatureProvider;
import dev.maas.tokenservice.jwt.TokenSigner;
import dev.maas.tokenservice.keys.KeyRing;
import dev.maas.tokenservice.metrics.Metrics;
import dev.maas.tokenservice.state.StateStore;
import dev.maas.tokenservice.state.TokenLedger;
import dev.maas.tokenservice.text.LogText;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The running service: config, keys and ledger loaded, the API and health servers started, reloads
 * scheduled.
 */
public final class TokenServiceApp implements AutoCloseable {

  private final Listener api;
  private final Listener management;
  private final ScheduledExecutorService background;
  private final TokenLedger ledger;
  private final Router router;
  private final OtlpAuditExporter exporter;

  private TokenServiceApp(
      Listener api,
      Listener management,
      ScheduledExecutorService background,
      TokenLedger ledger,
      Router router,
      OtlpAuditExporter exporter) {
    this.api = api;
    this.management = management;
    this.background = background;
    this.ledger = ledger;
    this.router = router;
    this.exporter = exporter;
  }

  /** Loads everything {@code settings} names and starts serving; log lines go to {@code out}. */
  public static TokenServiceApp start(Settings settings, PrintStream out)
      throws IOException, InterruptedException {
    Clock clock = Clock.systemUTC();
    Log log = new Log(out, clock);
    // The model shards beside config.json, if it names any, are read with it: a missing or stale
    // one stops the start rather than shrink the catalogue. The files are read once; a change of
    // any rolls the pods (the Deployment's checksum covers them all).
    ServiceConfig config = ConfigFiles.read(settings.config(), ConfigCodec.INSTANCE);
    if (config.tiers().isEmpty()
        || config.defaultTTL() <= 0
        || config.maxTTL() < config.defaultTTL()) {
      throw new IOException(settings.config() + " needs a tier and 0 < defaultTTL <= maxTTL");
    }
    KeyRing keys = new KeyRing(settings.keysDir(), log::info);
    keys.reload();
    StateStore store = settings.store().open(config.maxTTL());
    log.info("state is kept in " + store.describe());
    TokenLedger ledger = new TokenLedger(store, config.maxTTL(), clock);
    ledger.reload();
    Metrics metrics = new Metrics();
    OtlpAuditExporter exporter = null;
    AuditLog audit;
    if (settings.auditOtlpEndpoint() != null) {
      exporter =
          new OtlpAuditExporter(
              URI.create(settings.auditOtlpEndpoint()),
              OtlpAuditExporter.QUEUE_CAPACITY,
              metrics.auditDropped(),
              log::info);
      audit = new AuditLog(out, clock, exporter);
      log.info("audit events are also sent to " + settings.auditOtlpEndpoint());
    } else {
      audit = new AuditLog(out, clock);
    }

    TokenSigner signer =
        new TokenSigner(config.issuer(), config.audience(), SignatureProvider.jdk());
    Router router =
        new Router(
            ApiRoutes.api(config, keys, signer, ledger, metrics, audit, clock),
            metrics,
            audit,
            log::info);
    Listener api =
        Servers.api(
            new InetSocketAddress(settings.bindAddress(), settings.port()),
            router,
            settings.maxThreads());
    // Health and metrics have a server of their own, so neither probes nor scrapes queue behind API
    // work.
    Listener management =
        Servers.management(
            new InetSocketAddress(settings.bindAddress(), settings.metricsPort()),
            new Router(ApiRoutes.management(metrics), metrics, audit, log::info));

    ScheduledExecutorService background =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "maas-background");
              t.setDaemon(true);
              return t;
            });
    // Replicas share the ledger through the store; re-reading it every few seconds (5 by default)
    // bounds how late a revocation made on one replica is refused on another.
    int refresh = settings.store().refreshSeconds();
    background.scheduleWithFixedDelay(
        () -> quietly(log, "reload the ledger", ledger::reload),
        refresh,
        refresh,
        TimeUnit.SECONDS);
    background.scheduleWithFixedDelay(
        () -> quietly(log, "prune the state store", ledger::prune), 60, 60, TimeUnit.SECONDS);
    background.scheduleWithFixedDelay(
        () -> quietly(log, "reload keys", keys::reload), 30, 30, TimeUnit.SECONDS);
    log.info(
        "listening on "
            + settings.bindAddress()
            + ":"
            + api.port()
            + " (health and metrics on "
            + management.port()
            + "); issuer "
            + config.issuer()
            + "; signing key "
            + keys.current().kid()
            + "; "
            + keys.all().size()
            + " key(s) published");
    // After the servers answer: loading the native provider takes most of a second of CPU, which
    // readiness need not wait for; tokens are signed by the JDK's provider until it is done.
    background.execute(
        () -> {
          SignatureProvider detected = SignatureProvider.detect();
          signer.use(detected);
          log.info(detected.description());
        });
    return new TokenServiceApp(api, management, background, ledger, router, exporter);
  }

  /** The API's port. */
  public int port() {
    return api.port();
  }

  /** The health and metrics port. */
  public int managementPort() {
    return management.port();
  }

  /** The API's route table. */
  public Router router() {
    return router;
  }

  @Override
  public void close() {
    background.shutdownNow();
    api.close();
    management.close();
    ledger.close();
    // After the servers stop, so the last requests' events are in the queue it sends.
    if (exporter != null) {
      exporter.close();
    }
  }

  /** A background task that may fail. */
  private interface Task {
    void run() throws Exception;
  }

  private static void quietly(Log log, String what, Task task) {
    try {
      task.run();
    } catch (Exception e) {
      log.info("could not " + what + ": " + LogText.escape(e.getMessage()));
    }
  }

  /** Operational log lines, timestamped. */
  private record Log(PrintStream out, Clock clock) {
    void info(String message) {
      out.println(clock.instant() + " " + message);
    }
  }
}
