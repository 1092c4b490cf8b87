package org.helpline.content;

/** A link shown under a reply: a title and an https (or tel:) address. */
public record Link(String title, String url) {
}
