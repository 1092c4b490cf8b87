package org.helpline.staff;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** One staff request: who is signed in, the time, and the audit row it leaves. */
@RequestScoped
public class StaffRequest {

  @Inject
  SecurityIdentity identity;
  @Inject
  Clock clock;
  @Inject
  StaffAudit audit;

  /** The signed-in account's name. */
  public String name() {
    return identity.getPrincipal().getName();
  }

  /** The signed-in account's roles, sorted. */
  public List<String> roles() {
    return identity.getRoles().stream().sorted().toList();
  }

  /** Whether the signed-in account is an admin (who may act on other nurses' handoffs). */
  public boolean isAdmin() {
    return identity.hasRole(StaffRole.ADMIN);
  }

  /** The time now, from the application's clock. */
  public Instant now() {
    return clock.instant();
  }

  /**
   * Records what the signed-in account did, now, in the staff audit log.
   *
   * @param conversationId the conversation concerned, or null
   * @param detail a short note without personal data, or null
   */
  public void audit(String action, String conversationId, String detail) {
    audit.record(name(), action, conversationId, detail, now());
  }
}
