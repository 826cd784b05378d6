package dev.maas.model;

import java.util.List;

/** The defaults of environments: where each one deploys and whether it is production. */
public final class Environments {

  private Environments() {}

  /**
   * Where {@code environment}'s Application deploys. An explicit destination wins. Without one, a
   * platform with a single environment deploys to {@code gitops.argocd.destinationServer}; with
   * several, each such environment targets the Argo CD cluster named after it, so that two
   * environments never manage the same objects on one cluster. A name that no registered cluster
   * carries makes Argo CD refuse the Application ("there are no clusters with this name", argo-cd
   * v3.5.1 util/argo/argo.go GetDestinationServer) rather than deploy it beside another
   * environment.
   */
  public static Destination destination(Platform platform, Environment environment) {
    if (environment.destination() != null) {
      return environment.destination();
    }
    if (platform.environments().size() == 1) {
      String server =
          platform.gitops() == null ? GitOps.IN_CLUSTER : platform.gitops().destinationServer();
      return Destination.ofServer(server);
    }
    return Destination.ofName(environment.name());
  }

  /**
   * Whether {@code environment} is production: as the spec says, else when its name is {@code prod}
   * or {@code production}, or starts with {@code prod-} or ends with {@code -prod}.
   */
  public static boolean production(Environment environment) {
    if (environment.production() != null) {
      return environment.production();
    }
    String name = environment.name();
    return List.of("prod", "production").contains(name)
        || name.startsWith("prod-")
        || name.endsWith("-prod");
  }

  /**
   * The Limitador {@code environment} runs: in production, 2 or more replicas on Redis when the
   * spec names a Redis, else one replica on a persistent disk (the Limitador CRD refuses disk
   * storage with more than one replica); elsewhere the spec's settings.
   */
  public static Limitador limitador(Limitador spec, Environment environment) {
    Limitador settings = spec != null ? spec : new Limitador(null, 1, null);
    if (!production(environment)) {
      return settings;
    }
    if (settings.redisSecretName() != null) {
      return new Limitador(
          settings.namespace(), Math.max(2, settings.replicas()), settings.redisSecretName());
    }
    return new Limitador(
        settings.namespace(),
        1,
        null,
        settings.diskSize() != null ? settings.diskSize() : Limitador.DEFAULT_DISK_SIZE);
  }

  /**
   * The environments of {@code platform} whose Limitador keeps its counters in memory, by name in
   * spec order.
   */
  public static List<String> inMemoryCounters(Platform platform) {
    return platform.environments().stream()
        .filter(e -> limitador(platform.limitador(), e).inMemory())
        .map(Environment::name)
        .toList();
  }
}
