package dev.maas.render.tokenservice;

import dev.maas.model.Platform;
import dev.maas.render.Generator;
import dev.maas.render.KubeObject;
import java.util.List;

/** Generates the token service: its program, config, workload, route, policies and scaling. */
public final class TokenServiceGenerator implements Generator {

  @Override
  public String name() {
    return "token-service";
  }

  @Override
  public List<KubeObject> generate(Platform platform) {
    return List.of();
  }
}
