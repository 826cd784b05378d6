package dev.maas.validate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A group in two tiers of one level is a tie; at different levels it is fine. */
class GroupLevelTiesTest {

  @Test
  void sharedGroupAtTheSameLevelIsReported() {
    String spec =
        ReferenceSpec.edit(
            "level: 20\n      groups: [enterprise-users,",
            "level: 10\n      groups: [premium-users,");
    assertEquals(
        List.of(
            "spec.yaml:53:14: error: /spec/tiers/2/level: tier `enterprise` has level 10, the same as tier `premium`"
                + " (line 39); the level decides the tier of a user in both, so levels must be unique"
                + " (give `enterprise` a level no other tier has) [unique-tier-levels]",
            "spec.yaml:54:16: error: /spec/tiers/2/groups/0: group `premium-users` is in tier `premium` and tier"
                + " `enterprise`, which both have level 10, so its members\u0027 tier cannot be decided"
                + " (give the tiers different levels (the higher wins), or keep the group in one of them) [group-level-ties]"),
        ReferenceSpec.validate(spec));
  }

  @Test
  void sharedGroupAtDifferentLevelsPasses() {
    assertEquals(
        List.of(),
        ReferenceSpec.validateEdited("groups: [enterprise-users,", "groups: [premium-users,"));
  }
}
