package org.helpline.content;

/** One thing wrong with the content, with the file and line where an editor can fix it. */
public record ContentProblem(String file, int line, String message) {

  @Override
  public String toString() {
    return file + ":" + line + ": " + message;
  }
}
