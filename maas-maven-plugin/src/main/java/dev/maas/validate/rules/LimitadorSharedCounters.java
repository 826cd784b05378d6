package dev.maas.validate.rules;

import dev.maas.diag.Diagnostic;
import dev.maas.model.Limitador;
import dev.maas.model.Platform;
import dev.maas.spec.SpecDocument;
import dev.maas.validate.Rule;
import dev.maas.validate.SemanticRule;
import java.util.ArrayList;
import java.util.List;

/** Several Limitador replicas need Redis: in-memory counters are per replica, multiplying every limit. */
@Rule(summary = "several Limitador replicas count in memory, multiplying every limit",
    inputs = {"/spec/limitador", "/spec/environments"})
public final class LimitadorSharedCounters implements SemanticRule {

  @Override
  public List<Diagnostic> check(Platform platform, SpecDocument document) {
    List<Diagnostic> out = new ArrayList<>();
    Limitador limitador = platform.limitador();
    if (limitador.replicas() > 1 && limitador.redisSecretName() == null) {
      String pointer = "/spec/limitador/replicas";
      out.add(Diagnostic.error(code(), document.locate(pointer), pointer,
          limitador.replicas() + " Limitador replicas with in-memory counters would each count on their own,"
              + " letting users through up to " + limitador.replicas() + " times their limits",
          "add storage.redis.secretName so the replicas share counters, or use 1 replica"));
    }
    return out;
  }
}
