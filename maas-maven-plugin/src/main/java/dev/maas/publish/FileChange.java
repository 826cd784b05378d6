package dev.maas.publish;

import dev.maas.output.ChangeType;

/**
 * One file a commit adds, changes or removes.
 *
 * @param path the file's path in the repository
 * @param type what happens to it
 */
public record FileChange(String path, ChangeType type) {}
