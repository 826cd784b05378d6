package dev.maas.publish;

import dev.maas.diag.UserInputException;
import dev.maas.output.SafePaths;
import java.io.IOException;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.NotSupportedException;
import org.eclipse.jgit.errors.TransportException;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.FetchConnection;
import org.eclipse.jgit.transport.FetchResult;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Commits a generated tree into a folder of a Git branch and pushes it, safely.
 *
 * <p>The folder at the request's path is ours and is replaced exactly by the tree; everything
 * outside it belongs to others and is kept as the remote has it. The commit is built on the remote
 * branch's tip as just fetched (the local clone is only a cache), and only when something changed.
 * A push is never forced: when the branch moved meanwhile, the commit is rebuilt on the new tip and
 * pushed again, a bounded number of times. Credentials never appear in what this class reports or
 * logs.
 */
public final class GitPublisher {

  private static final int MAX_BLOB_BYTES = 64 * 1024 * 1024;

  private final Consumer<String> log;

  /** A publisher that logs nothing. */
  public GitPublisher() {
    this(line -> {});
  }

  /**
   * A publisher that reports its progress, one line at a time (already free of credentials), to
   * {@code log}.
   */
  public GitPublisher(Consumer<String> log) {
    this.log = log;
  }

  /**
   * Publishes the request's tree.
   *
   * @throws UserInputException when the settings are wrong or the remote cannot be used:
   *     unreachable, unknown, refusing the credentials, missing the branch, or still rejecting the
   *     push after the retries. Nothing was pushed then, and a re-run is safe.
   */
  public PublishReport publish(PublishRequest request) {
    Redactor redactor = new Redactor(request.credentials(), request.repoUrl());
    PublishFailures failures = new PublishFailures(request, redactor);
    String path = checkedPath(request.path(), failures);
    if (!Repository.isValidRefName(Constants.R_HEADS + request.branch())) {
      throw failures.invalid(
          "publish.branchName",
          "/spec/gitops/branch",
          "`" + request.branch() + "` is not a valid branch name",
          "name a branch such as `main`");
    }
    if (request.tree().files().isEmpty()) {
      throw failures.invalid(
          "publish.emptyTree",
          "",
          "there is nothing to publish: the generated tree is empty",
          "run the generate goal first; publishing an empty tree would delete "
              + path
              + " in the repository");
    }
    Remote remote;
    try {
      remote = new Remote(request.repoUrl(), request.credentials());
    } catch (URISyntaxException e) {
      throw failures.remote(e);
    }
    try (remote;
        LocalClone clone = LocalClone.lock(request.workDir())) {
      List<String> skipped = remote.skippedHooks();
      if (!skipped.isEmpty()) {
        throw failures.invalid(
            "publish.hooks",
            "/spec/gitops/repoURL",
            "the repository "
                + Redactor.url(request.repoUrl())
                + " has server hooks ("
                + String.join(", ", skipped)
                + ") that only git's own receive-pack runs, and no `git` is on the PATH",
            "install git so that maas pushes through it and the hooks decide, or publish over ssh://, http(s):// or"
                + " git://; nothing was pushed");
      }
      if (clone.isForeign()) {
        throw failures.foreignFolder(clone.dir().toString());
      }
      return new Run(request, path, remote, clone, failures, redactor).execute();
    } catch (IOException e) {
      throw failures.localCache(
          "cannot use the clone folder " + request.workDir() + ": " + e.getMessage());
    }
  }

  private static String checkedPath(String raw, PublishFailures failures) {
    try {
      return SafePaths.requireFolder(raw);
    } catch (IllegalArgumentException e) {
      throw failures.invalid(
          "publish.path",
          "/spec/gitops/path",
          "`" + raw + "` is not a folder inside the repository",
          "name a relative folder such as `clusters/acme`; the whole folder is replaced by the generated tree");
    }
  }

  /** One publication: its state across fetches, rebuilds and pushes. */
  private final class Run {
    private final PublishRequest request;
    private final String path;
    private final String branchRef;
    private final String trackingRef;
    private final Remote remote;
    private final LocalClone clone;
    private final PublishFailures failures;
    private final String shownUrl;

    Run(
        PublishRequest request,
        String path,
        Remote remote,
        LocalClone clone,
        PublishFailures failures,
        Redactor redactor) {
      this.request = request;
      this.path = path;
      this.branchRef = Constants.R_HEADS + request.branch();
      this.trackingRef = Constants.R_REMOTES + "origin/" + request.branch();
      this.remote = remote;
      this.clone = clone;
      this.failures = failures;
      this.shownUrl = redactor.scrub(request.repoUrl());
    }

    PublishReport execute() throws IOException {
      int retries = 0;
      boolean freshClone = false;
      while (true) {
        Repository repo;
        Attempt attempt;
        try {
          repo = clone.open();
          ObjectId tip = fetchTip(repo);
          attempt = compose(repo, tip);
        } catch (UserInputException e) {
          throw e;
        } catch (IOException | JGitInternalException e) {
          if (freshClone) {
            throw e instanceof TransportException te
                ? failures.transfer("fetching from", te)
                : failures.localCache(
                    "the clone "
                        + clone.dir()
                        + " is unusable even when cloned afresh: "
                        + e.getMessage());
          }
          log.accept(
              "maas: the local clone "
                  + clone.dir()
                  + " is unusable ("
                  + e.getClass().getSimpleName()
                  + "); cloning "
                  + shownUrl
                  + " again");
          clone.wipe();
          freshClone = true;
          continue;
        }
        if (attempt.commitId() == null) {
          log.accept(
              "maas: "
                  + request.branch()
                  + " of "
                  + shownUrl
                  + " already holds this tree at "
                  + path
                  + "; nothing to commit");
          return report(PublishReport.Outcome.UNCHANGED, null, null, List.of(), List.of(), retries);
        }
        List<FileChange> files =
            attempt.summary().files().stream()
                .map(f -> new FileChange(path + "/" + f.path(), f.type()))
                .toList();
        if (request.dryRun()) {
          return report(PublishReport.Outcome.DRY_RUN, attempt, files, retries);
        }
        log.accept(
            "maas: pushing "
                + attempt.commitId().abbreviate(12).name()
                + " to "
                + request.branch()
                + " of "
                + shownUrl);
        Pushed pushed = push(repo, attempt);
        RemoteRefUpdate result = pushed.update();
        if (result.getStatus() == RemoteRefUpdate.Status.OK
            || result.getStatus() == RemoteRefUpdate.Status.UP_TO_DATE) {
          return report(PublishReport.Outcome.PUSHED, attempt, files, retries);
        }
        String status = describe(result);
        if (!retryable(result) || retries >= request.maxRetries()) {
          throw failures.rejected(
              request.branch(), status + serverSaid(pushed.messages()), retries + 1);
        }
        retries++;
        log.accept(
            "maas: "
                + request.branch()
                + " of "
                + shownUrl
                + " moved while publishing ("
                + status
                + "); rebuilding the commit on the new tip, retry "
                + retries
                + " of "
                + request.maxRetries());
        pause(retries);
      }
    }

    /**
     * Lists the remote, then fetches the branch; its tip, or {@code null} when the remote is empty.
     */
    private ObjectId fetchTip(Repository repo) throws IOException {
      Map<String, Ref> advertised;
      try (Transport transport = remote.open(repo);
          FetchConnection connection = transport.openFetch()) {
        advertised = connection.getRefsMap();
      } catch (NotSupportedException | TransportException e) {
        throw failures.remote(e);
      }
      if (!advertised.containsKey(branchRef)) {
        List<String> branches =
            advertised.keySet().stream()
                .filter(r -> r.startsWith(Constants.R_HEADS))
                .map(r -> r.substring(Constants.R_HEADS.length()))
                .sorted()
                .toList();
        if (!branches.isEmpty()
            || advertised.keySet().stream().anyMatch(r -> r.startsWith(Constants.R_REFS))) {
          throw failures.missingBranch(
              request.branch(), branches.isEmpty() ? List.of("no branch") : branches);
        }
        log.accept("maas: " + shownUrl + " is empty; creating branch " + request.branch());
        return null;
      }
      FetchResult fetched;
      try (Transport transport = remote.open(repo)) {
        fetched =
            transport.fetch(
                NullProgressMonitor.INSTANCE,
                List.of(new RefSpec("+" + branchRef + ":" + trackingRef)));
      }
      Ref tip = fetched.getAdvertisedRef(branchRef);
      if (tip == null) {
        // Deleted between listing and fetching: let the next round report it.
        throw new TransportException(
            "the branch " + request.branch() + " disappeared while fetching");
      }
      return tip.getObjectId();
    }

    /**
     * Builds the commit that puts the tree at {@code path} on {@code tip}; no commit when the tree
     * is already there.
     */
    private Attempt compose(Repository repo, ObjectId tip) throws IOException {
      try (ObjectInserter inserter = repo.newObjectInserter();
          ObjectReader reader = inserter.newReader();
          RevWalk walk = new RevWalk(reader)) {
        RevCommit base = tip == null ? null : walk.parseCommit(tip);
        DirCache index = DirCache.newInCore();
        DirCacheBuilder builder = index.builder();
        SortedMap<String, byte[]> before = new TreeMap<>();
        Map<String, Unread> unread = new TreeMap<>();
        if (base != null) {
          keepTheirs(reader, base, builder, before, unread);
        }
        Map<String, String> notOurs = new TreeMap<>();
        unread.forEach(
            (entry, what) -> {
              if (!what.kind().equals("file")) {
                notOurs.put(path + "/" + entry, what.kind());
              }
            });
        if (!notOurs.isEmpty() && !request.pruneAll()) {
          throw failures.notOwned(path, notOurs);
        }
        for (Map.Entry<String, byte[]> file : request.tree().files().entrySet()) {
          ObjectId blob = inserter.insert(Constants.OBJ_BLOB, file.getValue());
          builder.add(
              entry(
                  path + "/" + file.getKey(), FileMode.REGULAR_FILE, blob, file.getValue().length));
          Unread large = unread.get(file.getKey());
          if (large != null && large.id().equals(blob)) {
            // The same content, so no change: what was too large to read is known by its id alone.
            unread.remove(file.getKey());
            before.put(file.getKey(), file.getValue());
          }
        }
        builder.finish();
        ObjectId tree = index.writeTree(inserter);
        if (base != null && tree.equals(base.getTree())) {
          inserter.flush();
          return new Attempt(null, null, null, tip);
        }
        SortedMap<String, String> unreadKinds = new TreeMap<>();
        unread.forEach((entry, what) -> unreadKinds.put(entry, what.kind()));
        ChangeSummary summary = ChangeSummary.between(before, unreadKinds, request.tree().files());
        String message =
            CommitMessage.of(
                request.platform(),
                summary,
                request.specHash(),
                request.pluginVersion(),
                request.sourceCommit());
        Instant now = Instant.now();
        PersonIdent author =
            new PersonIdent(request.author().name(), request.author().email(), now, ZoneOffset.UTC);
        PersonIdent committer =
            new PersonIdent(
                request.committer().name(), request.committer().email(), now, ZoneOffset.UTC);
        CommitBuilder commit = new CommitBuilder();
        commit.setTreeId(tree);
        if (base != null) {
          commit.setParentId(base);
        }
        commit.setAuthor(author);
        commit.setCommitter(committer);
        commit.setMessage(message);
        ObjectId commitId = inserter.insert(commit);
        inserter.flush();
        return new Attempt(commitId, message, summary, tip);
      }
    }

    /**
     * Copies every entry outside {@code path} unchanged, and reads the files now under it into
     * {@code before}; the entries under it whose content is not read (links, submodules, files too
     * large) go to {@code unread}.
     */
    private void keepTheirs(
        ObjectReader reader,
        RevCommit base,
        DirCacheBuilder builder,
        SortedMap<String, byte[]> before,
        Map<String, Unread> unread)
        throws IOException {
      try (TreeWalk walk = new TreeWalk(reader)) {
        walk.addTree(base.getTree());
        walk.setRecursive(true);
        while (walk.next()) {
          String entryPath = walk.getPathString();
          FileMode mode = walk.getFileMode(0);
          ObjectId id = walk.getObjectId(0);
          // A damaged clone shows here first: every object of the tip must be at hand.
          if (mode != FileMode.GITLINK && !reader.has(id)) {
            throw new MissingObjectException(id, Constants.TYPE_BLOB);
          }
          if (entryPath.startsWith(path + "/")) {
            String relative = entryPath.substring(path.length() + 1);
            int type = mode.getBits() & FileMode.TYPE_MASK;
            if (type == FileMode.TYPE_FILE
                && reader.getObjectSize(id, Constants.OBJ_BLOB) <= MAX_BLOB_BYTES) {
              before.put(
                  relative, reader.open(id, Constants.OBJ_BLOB).getCachedBytes(MAX_BLOB_BYTES));
            } else {
              unread.put(
                  relative,
                  new Unread(
                      type == FileMode.TYPE_FILE
                          ? "file"
                          : type == FileMode.TYPE_SYMLINK
                              ? "symlink"
                              : type == FileMode.TYPE_GITLINK ? "submodule" : "entry",
                      id));
            }
          } else if (entryPath.equals(path) || path.startsWith(entryPath + "/")) {
            // Someone else's file stands where our folder must go: it is not ours to delete.
            throw failures.pathBlocked(entryPath, path, type(mode));
          } else {
            builder.add(entry(entryPath, mode, id, -1));
          }
        }
      }
    }

    private Pushed push(Repository repo, Attempt attempt) throws IOException {
      // Never forced, and only onto the tip the commit was built on (zero id: the branch must not
      // exist yet).
      ObjectId expected = attempt.base() == null ? ObjectId.zeroId() : attempt.base();
      RemoteRefUpdate update =
          new RemoteRefUpdate(
              repo, (String) null, attempt.commitId(), branchRef, false, trackingRef, expected);
      try (Transport transport = remote.open(repo)) {
        PushResult result = transport.push(NullProgressMonitor.INSTANCE, List.of(update));
        RemoteRefUpdate outcome = result.getRemoteUpdate(branchRef);
        return new Pushed(outcome == null ? update : outcome, result.getMessages());
      } catch (NotSupportedException | TransportException e) {
        throw failures.transfer("pushing to", e);
      }
    }

    /**
     * What the server printed while refusing (a hook's own words), as one clause; empty when it
     * printed nothing.
     */
    private static String serverSaid(String messages) {
      if (messages == null || messages.isBlank()) {
        return "";
      }
      List<String> lines =
          messages
              .lines()
              .map(String::strip)
              .filter(l -> !l.isEmpty())
              .map(l -> l.startsWith("remote:") ? l.substring("remote:".length()).strip() : l)
              .filter(l -> !l.isEmpty())
              .limit(20)
              .toList();
      return lines.isEmpty() ? "" : "; the server said: " + String.join(" / ", lines);
    }

    private static String describe(RemoteRefUpdate update) {
      String reason =
          switch (update.getStatus()) {
            case REJECTED_NONFASTFORWARD -> "the branch moved on (not a fast-forward)";
            case REJECTED_REMOTE_CHANGED -> "the branch moved since it was fetched";
            case REJECTED_NODELETE -> "the remote refuses the update";
            default -> update.getStatus().name().toLowerCase(Locale.ROOT).replace('_', ' ');
          };
      return update.getMessage() == null || update.getMessage().isBlank()
          ? reason
          : reason + ": " + update.getMessage();
    }

    private boolean retryable(RemoteRefUpdate update) {
      return switch (update.getStatus()) {
        case REJECTED_NONFASTFORWARD, REJECTED_REMOTE_CHANGED -> true;
        case REJECTED_OTHER_REASON -> {
          // A concurrent push holding the ref lock, or moving it under us; a hook's refusal is not
          // retried.
          String message =
              update.getMessage() == null ? "" : update.getMessage().toLowerCase(Locale.ROOT);
          yield message.contains("lock")
              || message.contains("failed to update")
              || message.contains("fetch first")
              || message.contains("stale")
              || message.contains("expected");
        }
        default -> false;
      };
    }

    /** The report of {@code attempt}'s commit, whose files under the path are {@code files}. */
    private PublishReport report(
        PublishReport.Outcome outcome, Attempt attempt, List<FileChange> files, int retries) {
      return report(
          outcome,
          attempt.commitId().name(),
          attempt.message(),
          files,
          attempt.summary().objects(),
          retries);
    }

    private PublishReport report(
        PublishReport.Outcome outcome,
        String commitId,
        String message,
        List<FileChange> files,
        List<ObjectChange> objects,
        int retries) {
      PublishReport report =
          new PublishReport(
              outcome,
              shownUrl,
              request.branch(),
              commitId,
              message,
              new ArrayList<>(files),
              new ArrayList<>(objects),
              retries);
      log.accept("maas: " + report.summary());
      return report;
    }
  }

  private static String type(FileMode mode) {
    int type = mode.getBits() & FileMode.TYPE_MASK;
    return type == FileMode.TYPE_SYMLINK
        ? "symbolic link"
        : type == FileMode.TYPE_GITLINK ? "submodule" : "file";
  }

  private static DirCacheEntry entry(String path, FileMode mode, ObjectId id, long length) {
    DirCacheEntry entry = new DirCacheEntry(path);
    entry.setFileMode(mode);
    entry.setObjectId(id);
    if (length >= 0) {
      entry.setLength(length);
    }
    return entry;
  }

  /**
   * Waits a little, growing and randomised, so racing publishers do not collide again in lockstep.
   */
  private static void pause(int retry) {
    long bound = Math.min(2000, 100L << Math.min(retry, 5));
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(20, bound));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to retry the push", e);
    }
  }

  /**
   * One built commit, or none.
   *
   * @param commitId the commit, or {@code null} when the branch already holds the tree
   * @param message its message
   * @param summary what it changes
   * @param base the tip it was built on, or {@code null} for the first commit of the branch
   */
  private record Attempt(ObjectId commitId, String message, ChangeSummary summary, ObjectId base) {}

  /**
   * An entry under the folder whose content is not read.
   *
   * @param kind {@code file} (too large to read), {@code symlink}, {@code submodule} or {@code
   *     entry}
   * @param id its object
   */
  private record Unread(String kind, ObjectId id) {}

  /**
   * What one push got back.
   *
   * @param update the branch's update, with its status
   * @param messages what the server printed on the way (hooks' output), or empty
   */
  private record Pushed(RemoteRefUpdate update, String messages) {}
}
