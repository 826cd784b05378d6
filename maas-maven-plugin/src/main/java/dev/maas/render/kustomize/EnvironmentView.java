package dev.maas.render.kustomize;

import dev.maas.model.Environment;
import dev.maas.model.Environments;
import dev.maas.model.Gateway;
import dev.maas.model.Model;
import dev.maas.model.ModelOverride;
import dev.maas.model.Platform;
import java.util.List;

/**
 * The platform as one environment sees it: its hostname, its model overrides and its Limitador
 * (production storage, {@link Environments#limitador}) applied.
 */
public final class EnvironmentView {

  private EnvironmentView() {}

  /** {@code platform} with {@code env}'s changes. */
  public static Platform apply(Platform platform, Environment env) {
    Gateway gw = platform.gateway();
    Gateway gateway =
        env.hostname() == null
            ? gw
            : new Gateway(
                gw.name(), gw.namespace(), gw.className(), env.hostname(), gw.tlsSecretName());
    List<Model> models =
        platform.models().stream().map(m -> override(m, env.models().get(m.name()))).toList();
    return platform.with(
        parts -> {
          parts.gateway = gateway;
          parts.models = models;
          parts.limitador = Environments.limitador(platform.limitador(), env);
        });
  }

  private static Model override(Model m, ModelOverride o) {
    if (o == null) {
      return m;
    }
    Integer replicas = m.replicas();
    var autoscaling = m.autoscaling();
    // Fixed replicas and autoscaling exclude each other: the environment's choice replaces the
    // model's.
    if (o.replicas() != null) {
      replicas = o.replicas();
      autoscaling = null;
    }
    if (o.autoscaling() != null) {
      autoscaling = o.autoscaling();
      replicas = null;
    }
    var resources = o.resources() == null ? m.resources() : o.resources().over(m.resources());
    return m.withScaling(replicas, autoscaling, resources);
  }
}
