package dev.maas.validate.rules;

import dev.maas.model.Platform;
import dev.maas.model.Tier;
import dev.maas.spec.JsonPointers;
import dev.maas.spec.SpecDocument;
import dev.maas.spec.YamlNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A model named by a key of a tier's {@code modelLimits}, located at that key.
 *
 * @param tier the tier
 * @param model the model's name as the key gives it
 */
record ModelLimitKey(Located<Tier> tier, String model) {

  /** Every key of every tier's {@code modelLimits}, in file order. */
  static List<ModelLimitKey> of(Platform platform, SpecDocument document) {
    List<ModelLimitKey> keys = new ArrayList<>();
    for (Located<Tier> tier : Located.tiers(platform)) {
      for (String name : keysInSpecOrder(document, tier)) {
        keys.add(new ModelLimitKey(tier, name));
      }
    }
    return keys;
  }

  /** The tier's modelLimits keys as written, so findings come in file order. */
  private static List<String> keysInSpecOrder(SpecDocument document, Located<Tier> tier) {
    if (document.find(tier.at("modelLimits")) instanceof YamlNode.Mapping m) {
      return List.copyOf(m.entries().keySet());
    }
    return List.copyOf(tier.item().modelLimits().keySet());
  }

  /** Where the key stands. */
  String pointer() {
    return JsonPointers.child(tier.at("modelLimits"), model);
  }

  /** What a finding about the key says first: which tier limits which model. */
  String subject() {
    return "tier `" + tier.item().name() + "` sets limits for model `" + model + "`";
  }
}
