package org.helpline.content;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A content tree as a zip file of {@code intents/} and {@code dialogs/}, the same layout as the
 * repository's: what an editor exports to keep content in git, and imports back. Reading is
 * strict (only content paths, UTF-8 text, bounded sizes), because the archive comes from
 * outside.
 */
public final class ContentArchive {

  /** Most files an archive may hold (the pack has under a hundred). */
  public static final int MAX_FILES = 2_000;
  /** Most bytes its files may hold together, unpacked. */
  public static final long MAX_UNPACKED = 20L * 1024 * 1024;

  private ContentArchive() {
  }

  /** The files as a zip, sorted by path. */
  public static byte[] write(ContentFiles files) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
      for (Map.Entry<String, String> file : files.asMap().entrySet()) {
        zip.putNextEntry(new ZipEntry(file.getKey()));
        zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * The content files of a zip. Folders, and files outside {@code intents/} and
   * {@code dialogs/} that are not content (a README), are skipped; a single top folder (as
   * when a folder was zipped) is taken off.
   *
   * @throws ContentException when it is not a zip, holds a bad path, text that is not UTF-8,
   *     or too much
   */
  public static ContentFiles read(byte[] archive) {
    Map<String, String> files = new TreeMap<>();
    long unpacked = 0;
    int count = 0;
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive),
        StandardCharsets.UTF_8)) {
      ZipEntry entry;
      boolean any = false;
      while ((entry = zip.getNextEntry()) != null) {
        any = true;
        if (++count > MAX_FILES) {
          throw invalid("the archive holds more than " + MAX_FILES + " entries");
        }
        byte[] body = readBounded(zip, MAX_UNPACKED - unpacked);
        unpacked += body.length;
        if (entry.isDirectory()) {
          continue;
        }
        String path = withoutTopFolder(entry.getName());
        if (!ContentFiles.isContentPath(path)) {
          if ((path.startsWith("intents/") || path.startsWith("dialogs/"))
              && !path.endsWith(".md")) {
            throw invalid("not a content file: " + entry.getName() + " (content files are"
                + " intents/<id>.txt and dialogs/<id>.yml)");
          }
          continue;
        }
        if (files.put(path, utf8(body, path)) != null) {
          throw invalid("the archive holds " + path + " twice");
        }
      }
      if (!any) {
        throw invalid("this is not a zip archive, or it is empty");
      }
    } catch (ZipException e) {
      throw invalid("this is not a readable zip archive");
    } catch (IOException e) {
      throw invalid("the archive could not be read");
    }
    if (files.isEmpty()) {
      throw invalid("the archive holds no intents/*.txt or dialogs/*.yml files");
    }
    return ContentFiles.of(files);
  }

  private static byte[] readBounded(ZipInputStream zip, long room) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int n;
    while ((n = zip.read(buffer)) > 0) {
      if (out.size() + n > room) {
        throw invalid("the archive unpacks to more than " + MAX_UNPACKED + " bytes");
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  /** {@code helpline-content/intents/x.txt} -> {@code intents/x.txt}. */
  private static String withoutTopFolder(String name) {
    if (name.startsWith("intents/") || name.startsWith("dialogs/")) {
      return name;
    }
    int slash = name.indexOf('/');
    return slash < 0 ? name : name.substring(slash + 1);
  }

  private static String utf8(byte[] body, String path) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body)).toString();
    } catch (CharacterCodingException e) {
      throw invalid(path + " is not UTF-8 text");
    }
  }

  private static ContentException invalid(String message) {
    return new ContentException(List.of(new ContentProblem("(archive)", 0, message)));
  }
}
