package dev.maas.publish;

import dev.maas.diag.Diagnostic;
import dev.maas.diag.SourceLocation;
import dev.maas.diag.UserInputException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jgit.errors.NoRemoteRepositoryException;
import org.eclipse.jgit.errors.NotSupportedException;

/**
 * Turns what went wrong with the remote into one clear diagnostic, with every credential scrubbed.
 */
final class PublishFailures {

  private static final String SAFE =
      "nothing was pushed and the output folder is untouched; re-run when fixed";

  private final String origin;
  private final Redactor redactor;
  private final String url;

  /** What was offered to the remote, in words, or {@code null} when nothing was. */
  private final String offered;

  PublishFailures(PublishRequest request, Redactor redactor) {
    this.origin = request.origin();
    this.redactor = redactor;
    this.url = Redactor.url(request.repoUrl());
    // Credentials given to the build are named first: they are what the user chose to pass for this
    // run.
    this.offered =
        !request.credentials().isNone()
            ? "the credentials given"
            : Redactor.hasUserInfo(request.repoUrl()) ? "the user and password in the URL" : null;
  }

  /** The settings themselves are wrong. */
  UserInputException invalid(String code, String pointer, String message, String hint) {
    return fail(code, pointer, message, hint);
  }

  /** Listing the remote's branches failed: the remote is unreachable, unknown, or refused us. */
  UserInputException remote(Exception cause) {
    String detail = withoutUrl(redactor.scrub(describe(cause)));
    if (cause instanceof NoRemoteRepositoryException) {
      return fail(
          "publish.repositoryNotFound",
          "/spec/gitops/repoURL",
          "there is no Git repository at " + url + ": " + detail,
          "check spec.gitops.repoURL or maas.git.url; " + SAFE);
    }
    if (cause instanceof NotSupportedException || cause instanceof java.net.URISyntaxException) {
      return fail(
          "publish.unsupportedUrl",
          "/spec/gitops/repoURL",
          "cannot use the Git URL " + url + ": " + detail,
          "use a local path, file://, git://, http(s):// or ssh:// URL");
    }
    String lower = detail.toLowerCase(Locale.ROOT);
    if (lower.contains("not authorized")
        || lower.contains("authentication")
        || lower.contains("auth fail")
        || lower.contains("credentialsprovider")
        || lower.contains("permission denied")
        || lower.contains(" 401")
        || lower.contains(" 403")
        || lower.contains("forbidden")) {
      return fail(
          "publish.credentials",
          "/spec/gitops/repoURL",
          (offered != null
                  ? "the Git remote " + url + " refused " + offered + ": "
                  : "the Git remote " + url + " requires credentials and none were given: ")
              + detail,
          (offered != null
                  ? "check the user name and password or token, and that it may write to this remote; "
                  : "")
              + "pass a user name and password or a token for this remote (from the build's settings or "
              + "environment, never from the spec); "
              + SAFE);
    }
    return fail(
        "publish.unreachable",
        "/spec/gitops/repoURL",
        "cannot reach the Git remote " + url + ": " + detail,
        "check the URL, the network and that the Git server runs; " + SAFE);
  }

  /** The branch is absent from a remote that already holds other branches. */
  UserInputException missingBranch(String branch, List<String> existing) {
    String shown =
        existing.size() > 10
            ? String.join(", ", existing.subList(0, 10)) + ", ..."
            : String.join(", ", existing);
    return fail(
        "publish.branchMissing",
        "/spec/gitops/branch",
        "the branch `" + branch + "` does not exist in " + url + " (it has: " + shown + ")",
        "create the branch in the repository first, or name an existing one in spec.gitops.branch or maas.git.branch; "
            + "maas only creates a branch in an empty repository");
  }

  /** The remote kept refusing the push. */
  UserInputException rejected(String branch, String status, int attempts) {
    return fail(
        "publish.rejected",
        "/spec/gitops/branch",
        "the push to `"
            + branch
            + "` of "
            + url
            + " was rejected "
            + attempts
            + " time(s), last: "
            + redactor.scrub(status),
        "another writer may hold the branch busy, or a server rule (protected branch, hook) refuses it; maas never "
            + "force-pushes; "
            + SAFE);
  }

  /** Something failed while talking to the remote after the branch was listed. */
  UserInputException transfer(String what, Exception cause) {
    return fail(
        "publish.transfer",
        "/spec/gitops/repoURL",
        what + " " + url + " failed: " + withoutUrl(redactor.scrub(describe(cause))),
        "check the network and the remote; " + SAFE);
  }

  /** Someone else's file or link stands where the folder, or one of its parents, must go. */
  UserInputException pathBlocked(String entry, String path, String what) {
    return fail(
        "publish.pathBlocked",
        "/spec/gitops/path",
        "the repository has a "
            + what
            + " at `"
            + entry
            + "`, where the folder `"
            + path
            + "` must go; maas changes"
            + " nothing outside its folder",
        "move or delete `"
            + entry
            + "` in the repository yourself, or choose another folder in spec.gitops.path or"
            + " maas.git.path; nothing was pushed");
  }

  /**
   * The folder holds entries maas never writes (links, submodules); deleting them takes an explicit
   * setting.
   */
  UserInputException notOwned(String path, Map<String, String> entries) {
    List<String> shown =
        entries.entrySet().stream()
            .limit(10)
            .map(e -> e.getValue() + " `" + e.getKey() + "`")
            .toList();
    return fail(
        "publish.notOwned",
        "/spec/gitops/path",
        "the folder `"
            + path
            + "` holds "
            + entries.size()
            + " entr"
            + (entries.size() == 1 ? "y" : "ies")
            + " that maas does not write and would delete: "
            + String.join(", ", shown)
            + (entries.size() > shown.size() ? ", ..." : ""),
        "remove them from the repository yourself, or set maas.git.prune=all to let publish delete them too (they"
            + " are then listed among the removed entries); nothing was pushed");
  }

  /** The local clone cannot be used and cannot be rebuilt. */
  UserInputException localCache(String message) {
    return fail(
        "publish.localClone",
        "",
        redactor.scrub(message),
        "delete the folder and re-run; it is only a cache of the remote");
  }

  /** The clone folder holds something else, which must not be deleted. */
  UserInputException foreignFolder(String folder) {
    return fail(
        "publish.localClone",
        "",
        "the clone folder " + folder + " holds files maas did not put there",
        "choose another clone folder: maas deletes and rebuilds its clone at will, so nothing else may live there");
  }

  private UserInputException fail(String code, String pointer, String message, String hint) {
    return new UserInputException(
        List.of(
            Diagnostic.error(
                code,
                SourceLocation.ofFile(origin),
                pointer,
                redactor.scrub(message),
                redactor.scrub(hint))));
  }

  /** JGit starts its messages with the URL, which the diagnostic already names. */
  private String withoutUrl(String detail) {
    String prefix = url + ": ";
    String out = detail;
    while (out.startsWith(prefix)) {
      out = out.substring(prefix.length());
    }
    return out;
  }

  /** The messages of the cause chain, without class names; those add nothing for the user. */
  private static String describe(Throwable cause) {
    StringBuilder out = new StringBuilder();
    Throwable t = cause;
    for (int depth = 0; t != null && depth < 5; depth++, t = t.getCause()) {
      String message = t.getMessage();
      if (message != null && !message.isBlank() && out.indexOf(message) < 0) {
        if (out.length() > 0) {
          out.append(": ");
        }
        out.append(message.strip());
      }
    }
    return out.length() == 0 ? cause.getClass().getSimpleName() : out.toString();
  }
}
