package org.helpline.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on 127.0.0.1 that can be cut: {@link #cut()} closes every open connection and
 * stops listening, so new connections are refused, as when a database server goes down;
 * {@link #restore()} listens again on the same port. Plain sockets and one thread per
 * direction: for tests with a few connections.
 */
public final class CuttableTcpProxy implements AutoCloseable {

  private final String targetHost;
  private final int targetPort;
  private final int port;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile ServerSocket server;

  /** Starts listening on a free port, forwarding to the target. */
  public CuttableTcpProxy(String targetHost, int targetPort) {
    this.targetHost = targetHost;
    this.targetPort = targetPort;
    this.port = listen(0);
  }

  /**
   * The proxy named {@code name}, started on first use, and its port. A Quarkus test profile
   * and the test it starts are loaded by different class loaders, and both must reach the same
   * proxy: only its ports are kept (in system properties), and {@link #cut(String)} and
   * {@link #restore(String)} reach it over a loopback control socket.
   */
  public static int shared(String name, String targetHost, int targetPort) {
    synchronized (System.getProperties()) {
      String port = System.getProperty(name + ".port");
      if (port == null) {
        CuttableTcpProxy proxy = new CuttableTcpProxy(targetHost, targetPort);
        System.setProperty(name + ".control", Integer.toString(proxy.control()));
        port = Integer.toString(proxy.port());
        System.setProperty(name + ".port", port);
      }
      return Integer.parseInt(port);
    }
  }

  /** Cuts the shared proxy of this name. */
  public static void cut(String name) {
    command(name, "cut");
  }

  /** Restores the shared proxy of this name. */
  public static void restore(String name) {
    command(name, "restore");
  }

  private static void command(String name, String command) {
    int control = Integer.parseInt(System.getProperty(name + ".control"));
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), control)) {
      socket.getOutputStream().write((command + "\n").getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      if (socket.getInputStream().read() < 0) {
        throw new IOException("the proxy did not confirm " + command);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Listens for "cut" and "restore" lines; answers one byte once done. */
  private int control() {
    try {
      ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      Thread t = new Thread(() -> {
        while (true) {
          try (Socket c = s.accept()) {
            String line = new BufferedReader(new InputStreamReader(c.getInputStream(),
                StandardCharsets.US_ASCII)).readLine();
            if ("cut".equals(line)) {
              cut();
            } else if ("restore".equals(line)) {
              restore();
            }
            c.getOutputStream().write('k');
          } catch (IOException e) {
            // A client that went away: wait for the next.
          }
        }
      }, "proxy-control");
      t.setDaemon(true);
      t.start();
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The port to connect to instead of the target's. */
  public int port() {
    return port;
  }

  /** Whether connections are being forwarded. */
  public boolean isUp() {
    return server != null;
  }

  /** Closes every connection and refuses new ones until {@link #restore()}. */
  public synchronized void cut() {
    ServerSocket s = server;
    server = null;
    closeQuietly(s);
    for (Socket socket : open) {
      closeQuietly(socket);
    }
    open.clear();
  }

  /** Forwards new connections again, on the same port. */
  public synchronized void restore() {
    if (server == null) {
      listen(port);
    }
  }

  @Override
  public void close() {
    cut();
  }

  private int listen(int onPort) {
    try {
      ServerSocket s = new ServerSocket();
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort));
      server = s;
      Thread accept = new Thread(() -> accept(s), "proxy-accept-" + s.getLocalPort());
      accept.setDaemon(true);
      accept.start();
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void accept(ServerSocket s) {
    while (!s.isClosed()) {
      Socket client;
      try {
        client = s.accept();
      } catch (IOException e) {
        return;
      }
      try {
        Socket upstream = new Socket(targetHost, targetPort);
        open.add(client);
        open.add(upstream);
        pipe(client, upstream);
        pipe(upstream, client);
      } catch (IOException e) {
        closeQuietly(client);
      }
    }
  }

  private void pipe(Socket from, Socket to) {
    Thread t = new Thread(() -> {
      byte[] buffer = new byte[16 * 1024];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        int n;
        while ((n = in.read(buffer)) >= 0) {
          out.write(buffer, 0, n);
          out.flush();
        }
      } catch (IOException e) {
        // One side closed or was cut: close both.
      } finally {
        closeQuietly(from);
        closeQuietly(to);
        open.remove(from);
        open.remove(to);
      }
    }, "proxy-pipe");
    t.setDaemon(true);
    t.start();
  }

  private static void closeQuietly(AutoCloseable c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (Exception e) {
      // Already closed.
    }
  }
}
