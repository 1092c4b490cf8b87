package org.helpline.staff.content.dto;

/**
 * The optional body of a draft action: a note on the change (create, submit, publish) or a
 * clinician's comment (approve, return).
 */
public record DraftComment(String note, String comment) {
}
