package org.helpline.channel.messaging;

import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import java.util.Optional;

/**
 * What every messaging webhook says before it reads a request: a channel whose secrets are not
 * set does not exist (404, never open), and a request that cannot prove it came from the
 * platform is refused (403) before anything parses it.
 */
public final class WebhookGate {

  private WebhookGate() {
  }

  /**
   * A setting the channel cannot work without.
   *
   * @throws NotFoundException when it is missing or blank: the channel is disabled
   */
  public static String required(Optional<String> setting) {
    return setting.filter(s -> !s.isBlank()).orElseThrow(NotFoundException::new);
  }

  /**
   * Lets a genuine request through.
   *
   * @throws ForbiddenException with {@code problem} when it is not genuine
   */
  public static void genuine(boolean genuine, String problem) {
    if (!genuine) {
      throw new ForbiddenException(problem);
    }
  }
}
