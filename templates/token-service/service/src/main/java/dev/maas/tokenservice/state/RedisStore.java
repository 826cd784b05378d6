package dev.maas.tokenservice.state;

import dev.maas.tokenservice.json.Json;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * The state in Redis (the one Limitador can use, or another), one key per {@link Fact}: {@code
 * <prefix>:<kind>-<hash of user and id>}, holding the fact as JSON and expiring with it ({@code
 * EXAT}), so Redis prunes by itself. A new fact is set with {@code NX}; an existing one is merged
 * under {@code WATCH} and written in {@code MULTI}/{@code EXEC}, which Redis refuses when another
 * client changed the key meanwhile, and the merge is tried again.
 */
public final class RedisStore implements StateStore {

  /** Attempts at one fact before the write is answered with an error. */
  private static final int ATTEMPTS = 16;

  /** Keys a SCAN step and an MGET ask for at once. */
  private static final int BATCH = 500;

  /**
   * Seconds a fact outlives its expiry in Redis: clocks of replicas and Redis differ by a little,
   * and a fact must not vanish while a replica still counts it live.
   */
  static final long EXPIRY_SLACK_SECONDS = 60;

  private final JedisPool pool;
  private final String prefix;
  private final String where;

  /**
   * The store at {@code url} ({@code redis://host:port[/db]}, or {@code rediss://} for TLS), signed
   * in as {@code user} (null for the default user) with {@code password} (null for none), its keys
   * under {@code prefix:}.
   */
  public RedisStore(URI url, String user, String password, String prefix) {
    Objects.requireNonNull(prefix, "prefix");
    if (!"redis".equals(url.getScheme()) && !"rediss".equals(url.getScheme())) {
      throw new IllegalArgumentException("a Redis URL starts with redis:// or rediss://: " + url);
    }
    String path = url.getPath() == null ? "" : url.getPath().replace("/", "");
    DefaultJedisClientConfig.Builder config =
        DefaultJedisClientConfig.builder()
            .ssl("rediss".equals(url.getScheme()))
            .database(path.isEmpty() ? 0 : Integer.parseInt(path))
            .connectionTimeoutMillis(5000)
            .socketTimeoutMillis(10000)
            .clientName("maas-token-service");
    if (password != null && !password.isEmpty()) {
      config.password(password);
      if (user != null && !user.isEmpty()) {
        config.user(user);
      }
    }
    GenericObjectPoolConfig<Jedis> poolConfig = new GenericObjectPoolConfig<>();
    poolConfig.setMaxTotal(16);
    poolConfig.setJmxEnabled(false);
    this.pool =
        new JedisPool(
            poolConfig,
            new HostAndPort(url.getHost(), url.getPort() > 0 ? url.getPort() : 6379),
            config.build());
    this.prefix = prefix + ":";
    // The URL without credentials: what the log may say.
    this.where =
        url.getScheme() + "://" + url.getHost() + ":" + (url.getPort() > 0 ? url.getPort() : 6379);
  }

  @Override
  public String describe() {
    return "Redis at " + where + ", one key per record under " + prefix;
  }

  @Override
  public TokenState read() throws IOException {
    List<Fact> facts = new ArrayList<>();
    try (Jedis redis = pool.getResource()) {
      ScanParams match = new ScanParams().match(prefix + "*").count(BATCH);
      String cursor = ScanParams.SCAN_POINTER_START;
      do {
        ScanResult<String> step = redis.scan(cursor, match);
        cursor = step.getCursor();
        List<String> keys = step.getResult();
        if (!keys.isEmpty()) {
          for (String json : redis.mget(keys.toArray(String[]::new))) {
            Fact fact = parse(json);
            if (fact != null) {
              facts.add(fact);
            }
          }
        }
      } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
    } catch (JedisException e) {
      throw new IOException("reading the state from Redis failed: " + e.getMessage(), e);
    }
    return TokenState.of(facts);
  }

  @Override
  public List<Fact> write(List<Fact> facts) throws IOException {
    List<Fact> stored = new ArrayList<>(facts);
    try (Jedis redis = pool.getResource()) {
      // Most facts are new: one round trip sets them all, each only where its key is absent.
      Pipeline pipeline = redis.pipelined();
      List<Response<String>> created = new ArrayList<>();
      for (Fact fact : facts) {
        created.add(pipeline.set(prefix + fact.key(), json(fact), expiry(fact).nx()));
      }
      pipeline.sync();
      for (int i = 0; i < facts.size(); i++) {
        if (created.get(i).get() == null) {
          stored.set(i, merge(redis, facts.get(i)));
        }
      }
    } catch (JedisException e) {
      throw new IOException("writing the state to Redis failed: " + e.getMessage(), e);
    }
    return stored;
  }

  @Override
  public java.util.Optional<Fact> find(Fact.Kind kind, String user, String id) throws IOException {
    try (Jedis redis = pool.getResource()) {
      return java.util.Optional.ofNullable(parse(redis.get(prefix + Fact.keyOf(kind, user, id))));
    } catch (JedisException e) {
      throw new IOException("reading the state from Redis failed: " + e.getMessage(), e);
    }
  }

  /** Redis expires facts by itself; nothing is left to delete. */
  @Override
  public int prune(long now) {
    return 0;
  }

  @Override
  public void close() {
    pool.close();
  }

  /** Merges {@code fact} into the stored one under WATCH; EXEC answers null when it changed. */
  private Fact merge(Jedis redis, Fact fact) throws IOException {
    String key = prefix + fact.key();
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      redis.watch(key);
      Fact current = parse(redis.get(key));
      Fact merged = current == null ? fact : fact.merge(current);
      if (merged.equals(current)) {
        redis.unwatch();
        return current;
      }
      Transaction tx = redis.multi();
      tx.set(key, json(merged), expiry(merged));
      List<Object> done = tx.exec();
      if (done != null && !done.isEmpty()) {
        return merged;
      }
    }
    throw new IOException("could not store a state record in Redis: it kept changing");
  }

  private static SetParams expiry(Fact fact) {
    return SetParams.setParams().exAt(fact.expiresAt() + EXPIRY_SLACK_SECONDS);
  }

  private static String json(Fact fact) throws IOException {
    return Json.MAPPER.writeValueAsString(fact);
  }

  private static Fact parse(String json) {
    if (json == null) {
      return null;
    }
    try {
      return Json.MAPPER.readValue(json, Fact.class);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
