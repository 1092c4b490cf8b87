package org.helpline.staff;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.helpline.config.HelplineConfig;
import org.jboss.logging.Logger;

/**
 * Signs staff in with HTTP Basic against {@link StaffAccounts}. The file is read once at
 * start-up; a bad file stops start-up rather than leaving staff locked out silently. Repeated
 * failures for one name are throttled ({@link SignInThrottle}); a correct sign-in is
 * remembered for {@code helpline.staff.sign-in-memory} ({@link RecentSignIns}), so the
 * console's many requests do not each pay for bcrypt.
 */
@ApplicationScoped
public class StaffIdentityProvider
    implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

  private static final Logger LOG = Logger.getLogger(StaffIdentityProvider.class);

  private final StaffAccounts accounts;
  private final SignInThrottle throttle;
  private final RecentSignIns recent;

  public StaffIdentityProvider(HelplineConfig config, SignInThrottle throttle, Clock clock) {
    this.throttle = throttle;
    this.recent = new RecentSignIns(config.staff().signInMemory(), clock);
    this.accounts = config.staff().usersFile().map(file -> {
      try {
        return StaffAccounts.read(file);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the staff accounts file " + file, e);
      }
    }).orElseGet(StaffAccounts::none);
  }

  void onStart(@Observes StartupEvent event) {
    LOG.infof("%d staff account(s) can sign in", accounts.size());
  }

  @Override
  public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
    return UsernamePasswordAuthenticationRequest.class;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
      AuthenticationRequestContext context) {
    // bcrypt is slow on purpose: keep it off the event loop.
    return context.runBlocking(() -> {
      String name = request.getUsername();
      if (!throttle.mayTry(name)) {
        LOG.warn("staff sign-in refused: too many failed attempts for one name");
        throw new AuthenticationFailedException();
      }
      char[] password = request.getPassword().getPassword();
      Optional<Set<String>> roles = recent.recall(name, password);
      if (roles.isEmpty()) {
        roles = accounts.authenticate(name, password);
        if (roles.isEmpty()) {
          throttle.failed(name);
          throw new AuthenticationFailedException();
        }
        recent.remember(name, password, roles.get());
      }
      return QuarkusSecurityIdentity.builder()
          .setPrincipal(new QuarkusPrincipal(name))
          .addRoles(roles.get())
          .build();
    });
  }
}
