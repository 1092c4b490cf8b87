package org.helpline.content;

/** The page an answer was written from and is checked against. */
public record Source(String title, String url) {
}
