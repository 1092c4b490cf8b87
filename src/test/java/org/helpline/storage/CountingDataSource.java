package org.helpline.storage;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * A data source that records every SQL statement executed through it, and every commit and
 * rollback: the per-turn statement count is a property of the write path worth keeping.
 */
final class CountingDataSource {

  private final List<String> executed = new ArrayList<>();
  final DataSource dataSource;

  CountingDataSource(DataSource target) {
    this.dataSource = proxy(DataSource.class, (p, m, a) -> {
      Object result = call(target, m, a);
      return result instanceof Connection c ? connection(c) : result;
    });
  }

  synchronized void clear() {
    executed.clear();
  }

  /** The statements executed since the last clear, as their SQL text. */
  synchronized List<String> executed() {
    return List.copyOf(executed);
  }

  private synchronized void record(String what) {
    executed.add(what.replaceAll("\\s+", " ").strip());
  }

  private Connection connection(Connection target) {
    return proxy(Connection.class, (p, m, a) -> {
      if (m.getName().equals("commit") || m.getName().equals("rollback")) {
        record(m.getName().toUpperCase());
      }
      Object result = call(target, m, a);
      if (result instanceof PreparedStatement ps && a != null && a[0] instanceof String sql) {
        return statement(PreparedStatement.class, ps, sql);
      }
      return result instanceof Statement s ? statement(Statement.class, s, null) : result;
    });
  }

  private <T extends Statement> T statement(Class<T> type, T target, String sql) {
    return proxy(type, (p, m, a) -> {
      if (m.getName().startsWith("execute")) {
        record(sql != null ? sql : a != null && a.length > 0 ? String.valueOf(a[0]) : "?");
      }
      return call(target, m, a);
    });
  }

  private static Object call(Object target, Method m, Object[] a)
      throws Throwable {
    try {
      return m.invoke(target, a);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @SuppressWarnings("unchecked") // Proxy.newProxyInstance implements exactly the type asked
  private static <T> T proxy(Class<T> type, InvocationHandler handler) {
    return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
  }
}
