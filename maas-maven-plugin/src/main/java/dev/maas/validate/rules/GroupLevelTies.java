package dev.maas.validate.rules;

import dev.maas.model.Platform;
import dev.maas.model.Tier;
import dev.maas.validate.Findings;
import dev.maas.validate.Rule;
import dev.maas.validate.SemanticRule;
import java.util.List;

/**
 * A group may be in several tiers only at different levels: the higher level wins, while two tiers
 * of one level leave a member's tier undecided.
 */
@Rule(summary = "a group is in two tiers of the same level", inputs = "/spec/tiers")
public final class GroupLevelTies implements SemanticRule {

  @Override
  public void find(Platform platform, Findings findings) {
    List<Tier> tiers = platform.tiers();
    for (int j = 0; j < tiers.size(); j++) {
      Tier later = tiers.get(j);
      for (int k = 0; k < later.groups().size(); k++) {
        String group = later.groups().get(k);
        for (int i = 0; i < j; i++) {
          Tier earlier = tiers.get(i);
          if (earlier.level() == later.level() && earlier.groups().contains(group)) {
            String pointer = "/spec/tiers/" + j + "/groups/" + k;
            findings.at(
                pointer,
                "group `"
                    + group
                    + "` is in tier `"
                    + earlier.name()
                    + "` and tier `"
                    + later.name()
                    + "`, which both have level "
                    + later.level()
                    + ", so its members' tier cannot be decided",
                "give the tiers different levels (the higher wins), or keep the group in one of them");
            break;
          }
        }
      }
    }
  }
}
