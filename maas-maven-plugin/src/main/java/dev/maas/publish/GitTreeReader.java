package dev.maas.publish;

import dev.maas.diag.UserInputException;
import dev.maas.output.GeneratedTree;
import dev.maas.output.SafePaths;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.errors.NotSupportedException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.errors.TransportException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.FetchConnection;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Reads what a folder of a Git repository holds at a branch, tag or commit, into memory: the remote
 * is fetched into the same local cache the publisher uses, and nothing is ever checked out or
 * written to the remote.
 */
public final class GitTreeReader {

  private static final int MAX_BLOB_BYTES = 64 * 1024 * 1024;

  /**
   * What the folder holds.
   *
   * @param tree the files under the folder, relative to it; empty when the folder, branch or
   *     repository is empty
   * @param commit the commit read, or {@code null} when there was none
   * @param description what was read, for reports: {@code main@1a2b3c4d5e6f of <url>, path
   *     clusters/acme}
   */
  public record Snapshot(GeneratedTree tree, String commit, String description) {}

  /**
   * Reads {@code path} of the repository at {@code url}.
   *
   * @param branch the branch read when {@code ref} is {@code null}
   * @param ref a branch, tag, commit id or revision expression ({@code main~1}), or {@code null}
   *     for the branch tip
   * @param workDir the local cache (see {@link PublishRequest#defaultWorkDir})
   * @throws UserInputException when the remote cannot be reached or the ref does not exist
   */
  public Snapshot read(
      String url,
      String branch,
      String ref,
      String path,
      GitCredentials credentials,
      Path workDir) {
    Redactor redactor = new Redactor(credentials, url);
    String shownUrl = Redactor.url(url);
    String folder = folder(path);
    try (Remote remote = new Remote(url, credentials);
        LocalClone clone = LocalClone.lock(workDir)) {
      if (clone.isForeign()) {
        throw fail(
            "plan.gitCache",
            "the folder " + workDir + " is not a Git cache made by maas",
            "remove it");
      }
      Repository repo = clone.open();
      Map<String, Ref> advertised;
      try (Transport transport = remote.open(repo);
          FetchConnection connection = transport.openFetch()) {
        advertised = connection.getRefsMap();
      }
      if (advertised.isEmpty()) {
        return new Snapshot(empty(), null, "the empty repository " + shownUrl);
      }
      try (Transport transport = remote.open(repo)) {
        transport.fetch(
            NullProgressMonitor.INSTANCE,
            List.of(
                new RefSpec("+" + Constants.R_HEADS + "*:" + Constants.R_REMOTES + "origin/*"),
                new RefSpec("+" + Constants.R_TAGS + "*:" + Constants.R_TAGS + "*")));
      }
      String wanted = ref == null ? branch : ref;
      ObjectId id = resolve(repo, wanted);
      if (id == null) {
        if (ref == null) {
          return new Snapshot(
              empty(), null, "branch " + branch + " of " + shownUrl + ", which does not exist yet");
        }
        throw fail(
            "plan.gitRef",
            "`" + ref + "` names no branch, tag or commit of " + shownUrl,
            "use maas.plan.base=git:<branch|tag|commit>, e.g. git:main or git:v1.2.0");
      }
      try (ObjectReader reader = repo.newObjectReader();
          RevWalk walk = new RevWalk(reader)) {
        RevCommit commit = walk.parseCommit(id);
        GeneratedTree tree = files(reader, commit, folder);
        return new Snapshot(
            tree,
            commit.name(),
            wanted + "@" + commit.abbreviate(12).name() + " of " + shownUrl + ", path " + folder);
      }
    } catch (URISyntaxException | NotSupportedException e) {
      throw fail(
          "plan.gitUrl",
          "cannot use the Git URL " + shownUrl + ": " + redactor.scrub(e),
          "use a local path, file://, git://, http(s):// or ssh:// URL");
    } catch (TransportException e) {
      throw fail(
          "plan.gitUnreachable",
          "cannot read the Git remote " + shownUrl + ": " + redactor.scrub(e),
          "check the URL, the credentials and the network");
    } catch (IOException | RevisionSyntaxException e) {
      throw fail("plan.gitRead", "cannot read " + shownUrl + ": " + redactor.scrub(e), null);
    }
  }

  private static ObjectId resolve(Repository repo, String wanted) throws IOException {
    for (String candidate :
        List.of(Constants.R_REMOTES + "origin/" + wanted, Constants.R_TAGS + wanted, wanted)) {
      try {
        ObjectId id = repo.resolve(candidate + "^{commit}");
        if (id != null) {
          return id;
        }
      } catch (RevisionSyntaxException | org.eclipse.jgit.errors.AmbiguousObjectException e) {
        // Not this spelling; try the next.
      }
    }
    return null;
  }

  private static GeneratedTree files(ObjectReader reader, RevCommit commit, String folder)
      throws IOException {
    TreeMap<String, byte[]> files = new TreeMap<>();
    try (TreeWalk walk = new TreeWalk(reader)) {
      walk.addTree(commit.getTree());
      walk.setRecursive(true);
      while (walk.next()) {
        String entry = walk.getPathString();
        if (entry.startsWith(folder + "/")
            && (walk.getFileMode(0).getBits() & FileMode.TYPE_MASK) == FileMode.TYPE_FILE) {
          files.put(
              entry.substring(folder.length() + 1),
              reader.open(walk.getObjectId(0), Constants.OBJ_BLOB).getCachedBytes(MAX_BLOB_BYTES));
        }
      }
    }
    return new GeneratedTree(files);
  }

  private static String folder(String path) {
    try {
      return SafePaths.requireFolder(path);
    } catch (IllegalArgumentException e) {
      throw fail(
          "plan.gitPath",
          "`" + path + "` is not a folder inside the repository",
          "name a relative folder such as `clusters/acme`");
    }
  }

  private static GeneratedTree empty() {
    return new GeneratedTree(new TreeMap<>());
  }

  private static UserInputException fail(String code, String message, String hint) {
    return UserInputException.ofFile(code, "maas.plan.base", message, hint);
  }
}
