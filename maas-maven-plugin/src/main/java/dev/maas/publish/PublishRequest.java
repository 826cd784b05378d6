package dev.maas.publish;

import dev.maas.output.GeneratedTree;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * What to publish where.
 *
 * @param tree the whole {@code <platform>/} tree; it replaces exactly what is under {@code path}
 * @param repoUrl the remote: a local path, {@code file://}, {@code git://}, {@code http(s)://} or
 *     {@code ssh://}
 * @param branch the branch to commit to
 * @param path the folder in the repository that holds the tree (relative, e.g. {@code
 *     clusters/acme})
 * @param workDir the local clone, a cache that may be deleted at any time (see {@link
 *     #defaultWorkDir})
 * @param credentials how to authenticate, {@link GitCredentials#none()} for none
 * @param platform the platform's name, for the commit message
 * @param specHash the spec's SHA-256, with or without the {@code sha256:} prefix
 * @param pluginVersion the plugin's version, for the commit message
 * @param author who wrote the commit
 * @param committer who commits
 * @param sourceCommit the spec repository's commit the output comes from, recorded as a trailer, or
 *     {@code null}
 * @param dryRun build the commit but do not push it
 * @param maxRetries how often a rejected push is rebuilt on the newer tip and pushed again
 * @param origin what diagnostics name as the source of the settings, e.g. the spec file
 * @param pruneAll also delete the entries under {@code path} that maas never writes (symbolic
 *     links, submodules); without it, their presence stops the publication
 */
public record PublishRequest(
    GeneratedTree tree,
    String repoUrl,
    String branch,
    String path,
    Path workDir,
    GitCredentials credentials,
    String platform,
    String specHash,
    String pluginVersion,
    CommitAuthor author,
    CommitAuthor committer,
    String sourceCommit,
    boolean dryRun,
    int maxRetries,
    String origin,
    boolean pruneAll) {

  /** Retries after a rejected push unless the request says otherwise. */
  public static final int DEFAULT_MAX_RETRIES = 5;

  public PublishRequest {
    Objects.requireNonNull(tree, "tree");
    Objects.requireNonNull(repoUrl, "repoUrl");
    Objects.requireNonNull(branch, "branch");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(workDir, "workDir");
    credentials = credentials == null ? GitCredentials.none() : credentials;
    platform = platform == null ? "platform" : platform;
    specHash = specHash == null ? "" : specHash;
    pluginVersion = pluginVersion == null ? "unknown" : pluginVersion;
    author = author == null ? CommitAuthor.DEFAULT : author;
    committer = committer == null ? author : committer;
    maxRetries = maxRetries < 0 ? DEFAULT_MAX_RETRIES : maxRetries;
    origin = origin == null || origin.isEmpty() ? "gitops" : origin;
  }

  /**
   * A builder with the defaults: no credentials, default author, no dry run, {@value
   * #DEFAULT_MAX_RETRIES} retries.
   */
  public static Builder builder(
      GeneratedTree tree, String repoUrl, String branch, String path, Path workDir) {
    return new Builder(tree, repoUrl, branch, path, workDir);
  }

  /**
   * The clone folder for {@code repoUrl} under a build directory: {@code <buildDir>/maas-git/<hash
   * of url>}; the hash leaves any credentials in the URL out of the folder name.
   */
  public static Path defaultWorkDir(Path buildDirectory, String repoUrl) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(repoUrl.getBytes(StandardCharsets.UTF_8));
      return buildDirectory
          .resolve("maas-git")
          .resolve(HexFormat.of().formatHex(digest).substring(0, 16));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  @Override
  public String toString() {
    return "PublishRequest[repoUrl="
        + Redactor.url(repoUrl)
        + ", branch="
        + branch
        + ", path="
        + path
        + ", workDir="
        + workDir
        + ", credentials="
        + credentials
        + ", files="
        + tree.files().size()
        + ", dryRun="
        + dryRun
        + ", pruneAll="
        + pruneAll
        + "]";
  }

  /** Builds a {@link PublishRequest}. */
  public static final class Builder {
    private final GeneratedTree tree;
    private final String repoUrl;
    private final String branch;
    private final String path;
    private final Path workDir;
    private GitCredentials credentials = GitCredentials.none();
    private String platform;
    private String specHash;
    private String pluginVersion;
    private CommitAuthor author = CommitAuthor.DEFAULT;
    private CommitAuthor committer;
    private String sourceCommit;
    private boolean dryRun;
    private int maxRetries = DEFAULT_MAX_RETRIES;
    private String origin;
    private boolean pruneAll;

    private Builder(GeneratedTree tree, String repoUrl, String branch, String path, Path workDir) {
      this.tree = tree;
      this.repoUrl = repoUrl;
      this.branch = branch;
      this.path = path;
      this.workDir = workDir;
    }

    /** Credentials for the remote. */
    public Builder credentials(GitCredentials value) {
      this.credentials = value;
      return this;
    }

    /** The platform's name, spec hash and plugin version for the commit message. */
    public Builder provenance(String platformName, String hash, String version) {
      this.platform = platformName;
      this.specHash = hash;
      this.pluginVersion = version;
      return this;
    }

    /** Who commits, as author and committer. */
    public Builder author(CommitAuthor value) {
      this.author = value;
      this.committer = value;
      return this;
    }

    /** Author, committer and source commit. */
    public Builder identity(CommitIdentity value) {
      this.author = value.author();
      this.committer = value.committer();
      this.sourceCommit = value.sourceCommit();
      return this;
    }

    /** Build the commit but do not push. */
    public Builder dryRun(boolean value) {
      this.dryRun = value;
      return this;
    }

    /** How often a rejected push is retried. */
    public Builder maxRetries(int value) {
      this.maxRetries = value;
      return this;
    }

    /** What diagnostics name as the source of the settings. */
    public Builder origin(String value) {
      this.origin = value;
      return this;
    }

    /** Whether entries maas never writes (links, submodules) under the path may be deleted too. */
    public Builder pruneAll(boolean value) {
      this.pruneAll = value;
      return this;
    }

    /** The request. */
    public PublishRequest build() {
      return new PublishRequest(
          tree,
          repoUrl,
          branch,
          path,
          workDir,
          credentials,
          platform,
          specHash,
          pluginVersion,
          author,
          committer,
          sourceCommit,
          dryRun,
          maxRetries,
          origin,
          pruneAll);
    }
  }
}
