package org.helpline.staff;

/** The roles staff accounts can hold; the names used in {@code @RolesAllowed}. */
public final class StaffRole {

  /** Nurses: triage assistant, handoff queue, transcripts of handed-off conversations. */
  public static final String NURSE = "nurse";
  /** Editors: content drafts, publish and restore, unrecognised questions, evaluation. */
  public static final String EDITOR = "editor";
  /** Clinicians: approve or return submitted content drafts (never their own). */
  public static final String CLINICIAN = "clinician";
  /** Admins: everything a nurse, an editor and a clinician can do. */
  public static final String ADMIN = "admin";

  private StaffRole() {
  }
}
