package org.helpline.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import javax.sql.DataSource;
import org.helpline.handoff.HandoffQueue;
import org.helpline.staff.StaffAudit;
import org.helpline.storage.JdbcHandoffQueue;
import org.helpline.storage.JdbcStaffAudit;

/**
 * Wiring of the nurses' tools: the handoff queue and the staff audit log, in the same single
 * active datasource as the conversations (see {@link Producers#dataSource}).
 */
@ApplicationScoped
public class NurseProducers {

  @Produces
  @Singleton
  HandoffQueue handoffQueue(DataSource dataSource) {
    return new JdbcHandoffQueue(dataSource);
  }

  @Produces
  @Singleton
  StaffAudit staffAudit(DataSource dataSource) {
    return new JdbcStaffAudit(dataSource);
  }
}
