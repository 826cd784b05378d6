package dev.maas.plugin;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.Log;

/** A log as Maven's {@code -q} makes it: only errors are enabled, and only they are kept. */
class QuietLog implements Log {

  final List<String> errors = new ArrayList<>();

  @Override
  public boolean isDebugEnabled() {
    return false;
  }

  @Override
  public void debug(CharSequence content) {}

  @Override
  public void debug(CharSequence content, Throwable error) {}

  @Override
  public void debug(Throwable error) {}

  @Override
  public boolean isInfoEnabled() {
    return false;
  }

  @Override
  public void info(CharSequence content) {}

  @Override
  public void info(CharSequence content, Throwable error) {}

  @Override
  public void info(Throwable error) {}

  @Override
  public boolean isWarnEnabled() {
    return false;
  }

  @Override
  public void warn(CharSequence content) {}

  @Override
  public void warn(CharSequence content, Throwable error) {}

  @Override
  public void warn(Throwable error) {}

  @Override
  public boolean isErrorEnabled() {
    return true;
  }

  @Override
  public void error(CharSequence content) {
    errors.add(content.toString());
  }

  @Override
  public void error(CharSequence content, Throwable error) {
    errors.add(content.toString());
  }

  @Override
  public void error(Throwable error) {
    errors.add(String.valueOf(error));
  }
}
