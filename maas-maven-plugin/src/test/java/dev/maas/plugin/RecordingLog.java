package dev.maas.plugin;

import java.util.ArrayList;
import java.util.List;

/** A log as Maven's default one: info, warnings and errors, kept in order as Maven prints them. */
final class RecordingLog extends QuietLog {

  final List<String> lines = new ArrayList<>();

  /** Whether an error came with a throwable, which Maven would print as a stack trace. */
  boolean withThrowable;

  @Override
  public boolean isInfoEnabled() {
    return true;
  }

  @Override
  public void info(CharSequence content) {
    lines.add("[INFO] " + content);
  }

  @Override
  public boolean isWarnEnabled() {
    return true;
  }

  @Override
  public void warn(CharSequence content) {
    lines.add("[WARNING] " + content);
  }

  @Override
  public void error(CharSequence content) {
    super.error(content);
    lines.add("[ERROR] " + content);
  }

  @Override
  public void error(CharSequence content, Throwable error) {
    withThrowable = true;
    error(content);
  }

  @Override
  public void error(Throwable error) {
    withThrowable = true;
    super.error(error);
  }
}
