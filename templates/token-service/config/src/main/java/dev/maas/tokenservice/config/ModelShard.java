package dev.maas.tokenservice.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One file of a catalogue split over several: a consecutive run of the models in spec order, and
 * which of them each tier with a model list may call.
 *
 * @param shard the shard's number, from 1; the file is {@code models-<shard>.json}
 * @param shards how many shards the catalogue has
 * @param models the shard's models, in spec order
 * @param tierModels for every tier that lists its models, in tier order, the models of this shard
 *     it may call, in spec order; tiers that may call every model are absent
 */
public record ModelShard(
    int shard, int shards, List<ModelEntry> models, Map<String, List<String>> tierModels) {

  public ModelShard {
    models = models == null ? List.of() : List.copyOf(models);
    // Insertion order is tier order, which the file keeps.
    Map<String, List<String>> copy = new LinkedHashMap<>();
    if (tierModels != null) {
      tierModels.forEach((tier, names) -> copy.put(tier, List.copyOf(names)));
    }
    tierModels = Collections.unmodifiableMap(copy);
  }
}
