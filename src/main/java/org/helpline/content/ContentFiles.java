package org.helpline.content;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A whole content tree held in memory: every file of {@code intents/} and {@code dialogs/} by
 * its relative path, as text. A published version, a draft and an imported archive are each
 * one of these; {@link #source()} lets the loader read it like a directory.
 */
public final class ContentFiles {

  /** Longest path accepted; content paths are short ({@code dialogs/_system/routes.yml}). */
  public static final int MAX_PATH = 200;
  /**
   * A content file's path: under {@code intents/} a {@code .txt}, under {@code dialogs/} (one
   * level of sub-folder allowed, for {@code _system/}) a {@code .yml}; lower-case letters,
   * digits, '_' and '-' only, so nothing can climb out of the tree or hide a file.
   */
  private static final Pattern PATH = Pattern.compile(
      "intents/[a-z0-9_][a-z0-9_-]*\\.txt"
          + "|dialogs/(?:_?[a-z0-9][a-z0-9_-]*/)?[a-z0-9_][a-z0-9_-]*\\.yml");

  private final TreeMap<String, String> files;

  private ContentFiles(Map<String, String> files) {
    this.files = new TreeMap<>(files);
  }

  /**
   * The files given; every path must be a content path ({@link #isContentPath}).
   *
   * @throws IllegalArgumentException naming the first path that is not
   */
  public static ContentFiles of(Map<String, String> files) {
    for (String path : files.keySet()) {
      if (!isContentPath(path)) {
        throw new IllegalArgumentException("not a content file path: " + path);
      }
      Objects.requireNonNull(files.get(path), path);
    }
    return new ContentFiles(files);
  }

  /** Every content file of a source (a directory, the packaged content). */
  public static ContentFiles read(ContentSource source) {
    Map<String, String> files = new TreeMap<>();
    for (String path : source.files()) {
      files.put(path, new String(source.read(path), StandardCharsets.UTF_8));
    }
    return of(files);
  }

  /** Whether a path names a file the content may hold. */
  public static boolean isContentPath(String path) {
    return path != null && path.length() <= MAX_PATH && PATH.matcher(path).matches();
  }

  /** The paths, sorted. */
  public List<String> paths() {
    return List.copyOf(files.keySet());
  }

  /** Path to text, sorted by path; unmodifiable. */
  public Map<String, String> asMap() {
    return Collections.unmodifiableMap(files);
  }

  public boolean contains(String path) {
    return files.containsKey(path);
  }

  /** One file's text, or null when there is none at this path. */
  public String text(String path) {
    return files.get(path);
  }

  /** These files with one replaced or added. */
  public ContentFiles with(String path, String text) {
    if (!isContentPath(path)) {
      throw new IllegalArgumentException("not a content file path: " + path);
    }
    TreeMap<String, String> copy = new TreeMap<>(files);
    copy.put(path, Objects.requireNonNull(text));
    return new ContentFiles(copy);
  }

  /** These files without one. */
  public ContentFiles without(String path) {
    TreeMap<String, String> copy = new TreeMap<>(files);
    copy.remove(path);
    return new ContentFiles(copy);
  }

  /** The paths added, changed or removed from {@code base} to these files, sorted. */
  public List<String> changedFrom(ContentFiles base) {
    List<String> changed = new ArrayList<>();
    TreeMap<String, String> all = new TreeMap<>(base.files);
    all.putAll(files);
    for (String path : all.keySet()) {
      if (!Objects.equals(files.get(path), base.files.get(path))) {
        changed.add(path);
      }
    }
    return changed;
  }

  /** Reads these files as the content loader reads a directory. */
  public ContentSource source() {
    return new ContentSource() {
      @Override
      public List<String> files() {
        return paths();
      }

      @Override
      public byte[] read(String path) {
        String text = files.get(path);
        if (text == null) {
          throw new IllegalArgumentException("no such content file: " + path);
        }
        return text.getBytes(StandardCharsets.UTF_8);
      }

      @Override
      public String describe() {
        return "content in the database";
      }
    };
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ContentFiles other && files.equals(other.files);
  }

  @Override
  public int hashCode() {
    return files.hashCode();
  }
}
