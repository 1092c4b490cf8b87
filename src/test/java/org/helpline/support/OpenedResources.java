package org.helpline.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What a test opened (pools, signals, instances), closed after it, last opened first. */
public final class OpenedResources {

  private final List<AutoCloseable> opened = new ArrayList<>();

  /** Keeps {@code closeable} to close after the test; answers it. */
  public <T extends AutoCloseable> T add(T closeable) {
    opened.add(closeable);
    return closeable;
  }

  /** Closes everything kept, last opened first, and forgets it. */
  public void closeAll() throws Exception {
    List<AutoCloseable> all = new ArrayList<>(opened);
    opened.clear();
    Collections.reverse(all);
    for (AutoCloseable c : all) {
      c.close();
    }
  }
}
