package dev.maas.plan;

import java.util.List;

/**
 * The plan of every platform the specs define, and its two renderings.
 *
 * @param platforms one plan per platform, in spec order
 */
public record PlanReport(List<PlatformPlan> platforms) {

  public PlanReport {
    platforms = List.copyOf(platforms);
  }

  /** Whether no platform changes. */
  public boolean noChanges() {
    return platforms.stream().allMatch(PlatformPlan::noChanges);
  }

  /** Every breaking change, across platforms, prefixed by the platform when there are several. */
  public List<String> breaking() {
    return platforms.stream()
        .flatMap(
            p ->
                p.breaking().stream()
                    .map(c -> platforms.size() == 1 ? c.text() : p.platform() + ": " + c.text()))
        .toList();
  }

  /** The report as GitHub-flavoured Markdown. */
  public String markdown() {
    return MarkdownReport.render(this);
  }

  /** The report as JSON, the Markdown's machine-readable twin. */
  public String json() {
    return JsonReport.render(this);
  }
}
