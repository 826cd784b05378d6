package dev.maas.validate.rules;

import dev.maas.model.Limitador;
import dev.maas.model.Platform;
import dev.maas.validate.Findings;
import dev.maas.validate.Rule;
import dev.maas.validate.SemanticRule;

/**
 * Several Limitador replicas need Redis: in-memory counters are per replica, multiplying every
 * limit.
 */
@Rule(
    summary = "several Limitador replicas count in memory, multiplying every limit",
    inputs = {"/spec/limitador", "/spec/environments"})
public final class LimitadorSharedCounters implements SemanticRule {

  @Override
  public void find(Platform platform, Findings findings) {
    Limitador limitador = platform.limitador();
    if (limitador.replicas() > 1 && limitador.redisSecretName() == null) {
      String pointer = "/spec/limitador/replicas";
      findings.at(
          pointer,
          limitador.replicas()
              + " Limitador replicas with in-memory counters would each count on their own,"
              + " letting users through up to "
              + limitador.replicas()
              + " times their limits",
          "add storage.redis.secretName so the replicas share counters, or use 1 replica");
    }
  }
}
