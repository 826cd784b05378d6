package dev.maas.model;

/**
 * One rate: at most {@code limit} units per {@code window}; a limit of 0 denies.
 *
 * @param limit requests or tokens allowed in the window
 * @param window the window as written in the spec
 */
public record Rate(long limit, String window) {

  /** The parsed window. */
  public Window parsedWindow() {
    return Window.parse(window);
  }
}
