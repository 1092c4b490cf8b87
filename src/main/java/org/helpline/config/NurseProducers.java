package org.helpline.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import javax.sql.DataSource;
import org.helpline.staff.StaffAudit;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.helpline.api.EventStreams;
import org.helpline.api.LiveStreams;
import org.helpline.handoff.HandoffQueue;
import org.helpline.handoff.Outbox;
import org.helpline.storage.JdbcHandoffQueue;
import org.helpline.storage.JdbcOutbox;
import org.helpline.storage.JdbcPresence;
import org.helpline.storage.Signals;
import org.helpline.storage.JdbcStaffAudit;

/**
 * Wiring of the nurses' tools: the handoff queue and the staff audit log, in the same single
 * active datasource as the conversations (see {@link Producers#dataSource}).
 */
@ApplicationScoped
public class NurseProducers {

  /** The queue, which signals its changes to every instance's streams. */
  @Produces
  @Singleton
  JdbcHandoffQueue handoffQueue(DataSource dataSource, Signals signals) {
    return new JdbcHandoffQueue(dataSource, signals);
  }

  /** What nurses write to people in messaging apps, waiting to be sent. */
  @Produces
  @Singleton
  Outbox outbox(DataSource dataSource, Signals signals) {
    return new JdbcOutbox(dataSource, signals);
  }

  /** The live chat's event streams (people's and nurses'), fed from the database. */
  @Produces
  @Singleton
  EventStreams eventStreams(Signals signals, HelplineConfig config) {
    return new EventStreams(signals, config.nurseChat().keepAlive());
  }

  void closeStreams(@Disposes EventStreams streams) {
    streams.close();
  }

  /** Whether people have their web chat open, shared by every instance. */
  @Produces
  @Singleton
  JdbcPresence presence(DataSource dataSource, Signals signals, Clock clock,
      HelplineConfig config) {
    return new JdbcPresence(dataSource, signals, clock, config.nurseChat().keepAlive());
  }

  void closePresence(@Disposes JdbcPresence presence) {
    presence.close();
  }

  @Produces
  @Singleton
  LiveStreams liveStreams(EventStreams streams, HandoffQueue queue, JdbcPresence presence,
      ObjectMapper json) {
    return new LiveStreams(streams, queue, presence, json);
  }

  @Produces
  @Singleton
  StaffAudit staffAudit(DataSource dataSource) {
    return new JdbcStaffAudit(dataSource);
  }
}
