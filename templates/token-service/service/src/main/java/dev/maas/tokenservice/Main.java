package dev.maas.tokenservice;

/** Starts the service from the environment and stops it on SIGTERM. */
public final class Main {

  private Main() {}

  public static void main(String[] args) throws Exception {
    TokenServiceApp app = TokenServiceApp.start(Settings.from(System.getenv()), System.out);
    Runtime.getRuntime().addShutdownHook(new Thread(app::close, "maas-shutdown"));
  }
}
