package dev.maas.validate.rules;

import dev.maas.model.Model;
import dev.maas.model.Platform;
import dev.maas.validate.Findings;
import dev.maas.validate.Rule;
import dev.maas.validate.SemanticRule;

/**
 * Prices add up only in one currency: every priced model uses the first one's, and a tier's budget
 * needs at least one priced model to be measured against.
 */
@Rule(
    summary = "prices in more than one currency, or a budget with no price to measure it",
    inputs = {"/spec/models", "/spec/tiers"})
public final class PricingCurrencies implements SemanticRule {

  @Override
  public void find(Platform platform, Findings findings) {
    String currency = null;
    String first = null;
    for (int i = 0; i < platform.models().size(); i++) {
      Model model = platform.models().get(i);
      if (model.pricing() == null) {
        continue;
      }
      String pointer = "/spec/models/" + i + "/pricing/currency";
      if (currency == null) {
        currency = model.pricing().currency();
        first = model.name();
      } else if (!currency.equals(model.pricing().currency())) {
        findings.at(
            pointer,
            "model `"
                + model.name()
                + "` is priced in "
                + model.pricing().currency()
                + ", but model `"
                + first
                + "` in "
                + currency
                + ": spend across models is added up, so all prices use one currency",
            "convert the price to " + currency);
      }
    }
    for (int i = 0; i < platform.tiers().size(); i++) {
      if (currency == null && platform.tiers().get(i).attribution().monthlyBudget() != null) {
        String pointer = "/spec/tiers/" + i + "/budget";
        findings.atKey(
            pointer,
            "tier `"
                + platform.tiers().get(i).name()
                + "` has a budget, but no model has a price to measure its"
                + " spend with",
            "add `pricing` to the models the tier calls, or remove the budget");
      }
    }
  }
}
