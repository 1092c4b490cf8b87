package org.helpline.config;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.InjectableInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;
import org.helpline.handoff.HandoffQueue;
import org.helpline.staff.StaffAudit;
import org.helpline.storage.JdbcHandoffQueue;
import org.helpline.storage.JdbcStaffAudit;

/**
 * Wiring of the nurses' tools: the handoff queue and the staff audit log, in the same single
 * active datasource as the conversations (see {@link Producers#conversationStore}).
 */
@ApplicationScoped
public class NurseProducers {

  @Produces
  @Singleton
  HandoffQueue handoffQueue(@Any InjectableInstance<AgroalDataSource> dataSources) {
    return new JdbcHandoffQueue(active(dataSources));
  }

  @Produces
  @Singleton
  StaffAudit staffAudit(@Any InjectableInstance<AgroalDataSource> dataSources) {
    return new JdbcStaffAudit(active(dataSources));
  }

  private static AgroalDataSource active(InjectableInstance<AgroalDataSource> dataSources) {
    List<AgroalDataSource> active = dataSources.listActive();
    if (active.size() != 1) {
      throw new IllegalStateException("exactly one datasource must be active, found "
          + active.size() + ": set quarkus.datasource.<name>.active");
    }
    return active.get(0);
  }
}
