package org.helpline.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The packaged application ({@code target/quarkus-app/quarkus-run.jar}, prod profile) as a
 * child process on a loopback port, for the integration tests that stop or kill it: started,
 * waited for until ready, and stopped gracefully (SIGTERM) or killed (SIGKILL).
 */
public final class PackagedApp {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final Process process;
  private final String base;

  private PackagedApp(Process process, String base) {
    this.process = process;
    this.base = base;
  }

  /**
   * Starts the application and waits up to 90 s for {@code /q/health/ready}.
   *
   * @param port the HTTP port
   * @param log the file that gets the application's output
   * @param environment extra environment variables (a profile, a database URL)
   * @param properties extra {@code -D} system properties
   */
  public static PackagedApp start(int port, Path log, Map<String, String> environment,
      Map<String, String> properties) throws IOException, InterruptedException {
    // Another process answering on the port would take the load and pass for this one.
    // (Connections of a killed process may linger in TIME_WAIT: the server reuses the address.)
    try (ServerSocket free = new ServerSocket()) {
      free.setReuseAddress(true);
      free.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    } catch (IOException e) {
      throw new AssertionError("port " + port + " is in use by another process", e);
    }
    String jar = System.getProperty("quarkus-app.jar", "target/quarkus-app/quarkus-run.jar");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-Dquarkus.http.port=" + port);
    // One client address sends every conversation here: no per-address limit.
    command.add("-Dhelpline.rate-limit.enabled=false");
    properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
    command.add("-jar");
    command.add(jar);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    PackagedApp app = new PackagedApp(builder.start(), "http://127.0.0.1:" + port);
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline) {
      if (!app.process.isAlive()) {
        throw new AssertionError("the application exited with " + app.process.exitValue()
            + "; see " + log);
      }
      if (app.ready()) {
        return app;
      }
      Thread.sleep(100);
    }
    app.kill();
    throw new AssertionError("not ready within 90 s; see " + log);
  }

  /** The base URL, e.g. http://127.0.0.1:18081. */
  public String base() {
    return base;
  }

  private boolean ready() throws InterruptedException {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready"))
          .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding())
          .statusCode() == 200;
    } catch (IOException e) {
      return false;
    }
  }

  /** SIGTERM (graceful shutdown) and its exit status, or -1 when it did not stop in 60 s. */
  public int stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      return -1;
    }
    return process.exitValue();
  }

  /** SIGKILL: the process ends at once, as in an out-of-memory kill or a crash. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Empties a directory the application writes in (its logs, its embedded database). */
  public static void clean(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> all = Files.walk(dir)) {
        for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    Files.createDirectories(dir);
  }

  /**
   * PostgreSQL at {@code url} on a schema of its own, dropped and created empty, as the
   * environment of instances that share it.
   */
  public static Map<String, String> postgres(String url, String schema) throws SQLException {
    PGSimpleDataSource server = new PGSimpleDataSource();
    server.setURL(url);
    try (Connection c = server.getConnection(); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      s.execute("CREATE SCHEMA " + schema);
    }
    String user = server.getUser() == null ? System.getProperty("user.name") : server.getUser();
    return Map.of("QUARKUS_PROFILE", "prod,postgresql",
        "HELPLINE_DATABASE_URL", url + (url.contains("?") ? "&" : "?") + "currentSchema="
            + schema,
        "HELPLINE_DATABASE_USER", user,
        "HELPLINE_DATABASE_PASSWORD", server.getPassword() == null ? "" : server.getPassword());
  }
}
