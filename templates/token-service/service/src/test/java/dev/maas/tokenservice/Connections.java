package dev.maas.tokenservice;

import java.io.IOException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/** Connections a test holds open against the service, all closed when it is done with them. */
final class Connections implements AutoCloseable {

  private final List<Socket> open = new ArrayList<>();

  void add(Socket socket) {
    open.add(socket);
  }

  @Override
  public void close() throws IOException {
    for (Socket s : open) {
      s.close();
    }
  }
}
