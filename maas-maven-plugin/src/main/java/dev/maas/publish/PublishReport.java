package dev.maas.publish;

import java.util.List;

/**
 * What a publication did, or (dry run) would do.
 *
 * @param outcome what happened
 * @param repoUrl the remote, with any user information replaced by {@code ***}
 * @param branch the branch
 * @param commitId the commit pushed (or built, on a dry run), or {@code null} when nothing changed
 * @param message the commit message, or {@code null} when nothing changed
 * @param files the files the commit adds, changes or removes, by repository path
 * @param objects the objects it adds, changes or removes
 * @param retries how many times a rejected push was rebuilt on a newer tip and pushed again
 */
public record PublishReport(
    Outcome outcome,
    String repoUrl,
    String branch,
    String commitId,
    String message,
    List<FileChange> files,
    List<ObjectChange> objects,
    int retries) {

  /** What happened. */
  public enum Outcome {
    /** The branch already held exactly this tree: no commit. */
    UNCHANGED,
    /** A commit was pushed. */
    PUSHED,
    /** A commit was built but, as asked, not pushed. */
    DRY_RUN
  }

  public PublishReport {
    files = List.copyOf(files);
    objects = List.copyOf(objects);
  }

  /** Whether a commit was pushed. */
  public boolean pushed() {
    return outcome == Outcome.PUSHED;
  }

  /** One line for a build log. */
  public String summary() {
    return switch (outcome) {
      case UNCHANGED ->
          "Git branch " + branch + " of " + repoUrl + " is up to date: nothing to commit";
      case PUSHED ->
          "pushed "
              + commitId.substring(0, 12)
              + " to "
              + branch
              + " of "
              + repoUrl
              + " ("
              + files.size()
              + " files"
              + (retries > 0 ? ", after " + retries + " retries" : "")
              + "): "
              + message.lines().findFirst().orElse("");
      case DRY_RUN ->
          "dry run: would push to "
              + branch
              + " of "
              + repoUrl
              + " ("
              + files.size()
              + " files): "
              + message.lines().findFirst().orElse("");
    };
  }
}
