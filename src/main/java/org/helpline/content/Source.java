package org.helpline.content;

/** The reviewed page an answer was checked against. */
public record Source(String title, String url) {
}
