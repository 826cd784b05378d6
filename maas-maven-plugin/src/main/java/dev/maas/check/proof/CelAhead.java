package dev.maas.check.proof;

import com.fasterxml.jackson.databind.JsonNode;
import dev.maas.cel.CelEngine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The predicates of a platform's policies, compiled on a thread of their own while the output is
 * rendered, written and parsed back, which leave a processor idle at times. The proof then takes
 * the outcome of every text it reads that was compiled here, and compiles the others itself: the
 * outcome of a text does not depend on when or beside what it is compiled, so a predicate the
 * rendering changed, or the written YAML spells otherwise, is simply compiled again.
 */
public final class CelAhead {

  /** The policies whose predicates the proof compiles. */
  private static final Set<String> KINDS =
      Set.of("AuthPolicy", "RateLimitPolicy", "TokenRateLimitPolicy");

  private final List<Chunk> chunks;

  private CelAhead(List<Chunk> chunks) {
    this.chunks = chunks;
  }

  /** One batch of texts, compiled once, by whichever thread claims it first. */
  private static final class Chunk {
    private final List<String> texts;
    private final AtomicBoolean claimed = new AtomicBoolean();
    private final CompletableFuture<List<CelEngine.Outcome>> outcomes = new CompletableFuture<>();

    Chunk(List<String> texts) {
      this.texts = texts;
    }

    void compileUnlessClaimed(CelEngine engine) {
      if (claimed.compareAndSet(false, true)) {
        try {
          outcomes.complete(engine.compileAll(texts));
        } catch (RuntimeException | Error e) {
          outcomes.completeExceptionally(e);
        }
      }
    }
  }

  /**
   * Starts compiling the predicates of the policies among {@code objects} (generated objects, not
   * yet rendered) on a thread of their own.
   */
  public static CelAhead start(List<JsonNode> objects) {
    Set<String> texts = new LinkedHashSet<>();
    for (JsonNode object : objects) {
      if (KINDS.contains(object.path("kind").asText())) {
        predicates(object.path("spec"), texts);
      }
    }
    List<Chunk> chunks = new ArrayList<>();
    for (List<String> batch : Expr.batches(new ArrayList<>(texts))) {
      chunks.add(new Chunk(batch));
    }
    CelAhead ahead = new CelAhead(List.copyOf(chunks));
    if (!chunks.isEmpty()) {
      Thread thread =
          new Thread(
              () -> ahead.chunks.forEach(c -> c.compileUnlessClaimed(PolicyEvaluator.CEL)),
              "maas-cel-ahead");
      // Only a help: a run that ends before it finishes (an error, or no proof) does not wait.
      thread.setDaemon(true);
      thread.start();
    }
    return ahead;
  }

  private static void predicates(JsonNode node, Set<String> into) {
    if (node.isObject()) {
      node.properties()
          .forEach(
              field -> {
                if (field.getKey().equals("predicate") && field.getValue().isTextual()) {
                  into.add(field.getValue().asText());
                } else {
                  predicates(field.getValue(), into);
                }
              });
    } else if (node.isArray()) {
      node.forEach(element -> predicates(element, into));
    }
  }

  /**
   * The outcome of every text compiled here, by text: the batches not started yet are compiled now,
   * on every processor, and those under way are waited for. A batch that failed is left out.
   */
  Map<String, CelEngine.Outcome> finish() {
    chunks.parallelStream().forEach(c -> c.compileUnlessClaimed(PolicyEvaluator.CEL));
    Map<String, CelEngine.Outcome> outcomes = new HashMap<>();
    for (Chunk chunk : chunks) {
      List<CelEngine.Outcome> compiled;
      try {
        compiled = chunk.outcomes.join();
      } catch (CompletionException e) {
        // Compiled again by the proof, which then fails as it would have.
        continue;
      }
      for (int i = 0; i < chunk.texts.size(); i++) {
        outcomes.put(chunk.texts.get(i), compiled.get(i));
      }
    }
    return outcomes;
  }
}
