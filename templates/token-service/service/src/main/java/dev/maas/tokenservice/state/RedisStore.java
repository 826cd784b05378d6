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
import redis.clients.jedis.exceptions.JedisNoScriptException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * The state in Redis (the one Limitador can use, or another). Revocations, cut-offs and API keys
 * are one key per {@link Fact}: {@code <prefix>:<kind>-<hash of user and id>}, holding the fact as
 * JSON and expiring with it ({@code EXAT}), so Redis prunes by itself. A new fact is set with
 * {@code NX}; an existing one is merged under {@code WATCH} and written in {@code MULTI}/{@code
 * EXEC}, which Redis refuses when another client changed the key meanwhile, and the merge is tried
 * again. Issued tokens are kept per user: {@code <prefix>:ix-<hash of user>}, a sorted set of jti
 * scored by expiry, and {@code <prefix>:it-<hash of user>}, a hash of jti to the token's record; a
 * Lua script adds a token only under the per-user cap, so the cap holds across replicas, and a
 * revocation removes the token from both.
 */
public final class RedisStore implements StateStore, IssuedTokenIndex {

  /** Attempts at one fact before the write is answered with an error. */
  private static final int ATTEMPTS = 16;

  /** Keys a SCAN step looks at, and an MGET asks for, at once. */
  private static final int BATCH = 5000;

  /** Adds one issued token under the cap (see the script). */
  private static final String ISSUE = script("issue.lua");

  /** Removes the tokens a cut-off covers from a user's index (see the script). */
  private static final String CUT_OFF = script("cut-off.lua");

  /**
   * Seconds a fact outlives its expiry in Redis: clocks of replicas and Redis differ by a little,
   * and a fact must not vanish while a replica still counts it live.
   */
  static final long EXPIRY_SLACK_SECONDS = 60;

  private final JedisPool pool;
  private final String prefix;
  private final String where;

  /** The SHA-1 names of the scripts once Redis holds them; null until then, or after a restart. */
  private volatile String issueSha;

  private volatile String cutOffSha;

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

  /**
   * The revocations, cut-offs and API keys (every request's check needs them), not the issued
   * tokens, which stay in Redis.
   */
  @Override
  public TokenState read() throws IOException {
    List<Fact> facts = new ArrayList<>();
    try (Jedis redis = pool.getResource()) {
      // rev-, cut- and key- keys; not tok-, ix- or it-.
      ScanParams match = new ScanParams().match(prefix + "[rck]*").count(BATCH);
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
      // Issued tokens first: a revocation in the same batch then removes its token from the index.
      List<Fact> issued = facts.stream().filter(f -> f.kind() == Fact.Kind.ISSUED).toList();
      if (!issued.isEmpty()) {
        issue(redis, issued, -1, 0);
      }
      Pipeline pipeline = redis.pipelined();
      List<Response<String>> created = new ArrayList<>();
      for (Fact fact : facts) {
        created.add(
            fact.kind() == Fact.Kind.ISSUED
                ? null
                : pipeline.set(prefix + fact.key(), json(fact), expiry(fact).nx()));
      }
      pipeline.sync();
      for (int i = 0; i < facts.size(); i++) {
        if (created.get(i) != null && created.get(i).get() == null) {
          stored.set(i, merge(redis, facts.get(i)));
        }
      }
      // The index is cleared only once every record holds its final value: a token another
      // replica issues from now on meets the stored cut-off in the issue script, and one issued
      // before is removed here, so no revoked token keeps a place under the cap.
      Pipeline removals = redis.pipelined();
      List<Response<?>> unindexed = new ArrayList<>();
      for (Fact fact : stored) {
        unindex(removals, fact, unindexed);
      }
      removals.sync();
      // Surfaces an error of a removal (a script Redis forgot, say), which the caller retries.
      unindexed.forEach(Response::get);
    } catch (JedisNoScriptException e) {
      // Redis restarted and forgot the scripts; the next write loads them again, and every step
      // is idempotent, so the caller's retry stores the same facts.
      issueSha = null;
      cutOffSha = null;
      throw new IOException("Redis lost its scripts; try again", e);
    } catch (JedisException e) {
      throw new IOException("writing the state to Redis failed: " + e.getMessage(), e);
    }
    return stored;
  }

  @Override
  public List<Boolean> issue(List<Fact> issued, int cap, long now) throws IOException {
    try (Jedis redis = pool.getResource()) {
      try {
        return issue(redis, issued, cap, now);
      } catch (JedisNoScriptException e) {
        // Redis restarted and forgot the script: no token of the batch was recorded.
        issueSha = null;
        return issue(redis, issued, cap, now);
      }
    } catch (JedisException e) {
      throw new IOException("writing the state to Redis failed: " + e.getMessage(), e);
    }
  }

  @Override
  public List<IssuedToken> live(String user, long now) throws IOException {
    List<IssuedToken> out = new ArrayList<>();
    try (Jedis redis = pool.getResource()) {
      for (String json : redis.hvals(prefix + "it-" + Fact.userHash(user))) {
        IssuedToken token = parseToken(json);
        // Expired tokens stay until the user's next issue prunes them.
        if (token != null && token.exp() >= now) {
          out.add(token);
        }
      }
    } catch (JedisException e) {
      throw new IOException("reading the state from Redis failed: " + e.getMessage(), e);
    }
    return out;
  }

  @Override
  public java.util.Optional<Fact> find(Fact.Kind kind, String user, String id) throws IOException {
    try (Jedis redis = pool.getResource()) {
      if (kind == Fact.Kind.ISSUED) {
        IssuedToken token = parseToken(redis.hget(prefix + "it-" + Fact.userHash(user), id));
        if (token != null) {
          return java.util.Optional.of(Fact.issued(user, token));
        }
        // A token issued before the per-user index, in a key of its own until it expires.
      }
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

  /**
   * Runs the issue script for each fact in one pipeline; a cap below zero is none ({@code now} is
   * then unused, as nothing is counted).
   */
  private List<Boolean> issue(Jedis redis, List<Fact> issued, int cap, long now)
      throws IOException {
    String sha = issueSha;
    if (sha == null) {
      sha = redis.scriptLoad(ISSUE);
      issueSha = sha;
    }
    Pipeline pipeline = redis.pipelined();
    List<Response<Object>> answers = new ArrayList<>(issued.size());
    String cutAt = String.valueOf(now);
    String slack = String.valueOf(EXPIRY_SLACK_SECONDS);
    for (Fact fact : issued) {
      IssuedToken token = fact.token();
      String user = Fact.userHash(fact.user());
      answers.add(
          pipeline.evalsha(
              sha,
              List.of(
                  prefix + "ix-" + user,
                  prefix + "it-" + user,
                  prefix + Fact.keyOf(Fact.Kind.CUT_OFF, fact.user(), "")),
              List.of(
                  cap < 0 ? String.valueOf(token.iat()) : cutAt,
                  String.valueOf(cap),
                  token.jti(),
                  String.valueOf(token.exp()),
                  Json.MAPPER.writeValueAsString(token),
                  String.valueOf(token.iat()),
                  slack)));
    }
    pipeline.sync();
    List<Boolean> out = new ArrayList<>(issued.size());
    for (Response<Object> answer : answers) {
      out.add(Long.valueOf(1).equals(answer.get()));
    }
    return out;
  }

  /** Queues the removal of what {@code fact} revokes from its user's index of issued tokens. */
  private void unindex(Pipeline pipeline, Fact fact, List<Response<?>> answers) {
    String user = Fact.userHash(fact.user());
    if (fact.kind() == Fact.Kind.REVOKED) {
      answers.add(pipeline.zrem(prefix + "ix-" + user, fact.id()));
      answers.add(pipeline.hdel(prefix + "it-" + user, fact.id()));
    } else if (fact.kind() == Fact.Kind.CUT_OFF) {
      String sha = cutOffSha;
      if (sha == null) {
        try (Jedis loader = pool.getResource()) {
          sha = loader.scriptLoad(CUT_OFF);
        }
        cutOffSha = sha;
      }
      answers.add(
          pipeline.evalsha(
              sha,
              List.of(prefix + "ix-" + user, prefix + "it-" + user),
              List.of(String.valueOf(fact.before()))));
    }
  }

  private static String script(String name) {
    try (var in = RedisStore.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("the jar holds the script " + name, e);
    }
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
    return parse(json, Fact.class);
  }

  private static IssuedToken parseToken(String json) {
    return parse(json, IssuedToken.class);
  }

  /**
   * {@code json} read as a {@code type}; null for none, or for a value this version cannot read.
   */
  private static <T> T parse(String json, Class<T> type) {
    if (json == null) {
      return null;
    }
    try {
      return Json.MAPPER.readValue(json, type);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
