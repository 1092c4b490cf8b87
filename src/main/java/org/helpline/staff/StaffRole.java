package org.helpline.staff;

/** The roles staff accounts can hold; the names used in {@code @RolesAllowed}. */
public final class StaffRole {

  /** Nurses: triage assistant, handoff queue, transcripts of handed-off conversations. */
  public static final String NURSE = "nurse";
  /** Editors: unrecognised questions, feedback, content reload, evaluation. */
  public static final String EDITOR = "editor";
  /** Admins: everything a nurse and an editor can do. */
  public static final String ADMIN = "admin";

  private StaffRole() {
  }
}
