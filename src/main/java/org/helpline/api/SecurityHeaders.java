package org.helpline.api;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.regex.Pattern;
import org.helpline.config.HelplineConfig;

/**
 * Gives every response that has no Content-Security-Policy of its own the default one, which
 * allows nothing. Quarkus's {@code quarkus.http.header.*} cannot do this: it would add a
 * second policy next to a path's own (the demo page's, the staff console's), and browsers
 * enforce both. So the default is added as the headers are written, only when no other
 * policy was set by then.
 */
@ApplicationScoped
public class SecurityHeaders {

  static final String CSP = "Content-Security-Policy";
  /** JSON, problem documents, scripts and styles need nothing: no fetch, no frame. */
  static final String DEFAULT_CSP = "default-src 'none'; frame-ancestors 'none'";
  /** One CSP source: a keyword, a scheme, or a host with optional scheme, port and path. */
  private static final String SOURCE = "'self'|\\*|[a-z][a-z0-9+.-]*:"
      + "|([a-z][a-z0-9+.-]*://)?(\\*\\.)?[a-z0-9-]+(\\.[a-z0-9-]+)*(:(\\d{1,5}|\\*))?"
      + "(/[a-z0-9._~%!$&()*+=@/-]*)?";
  private static final Pattern FRAME_ANCESTORS = Pattern.compile(
      "'none'|(" + SOURCE + ")( +(" + SOURCE + "))*", Pattern.CASE_INSENSITIVE);

  private final String frameAncestors;

  public SecurityHeaders(HelplineConfig config) {
    this.frameAncestors = config.web().frameAncestors().strip();
  }

  // Observed first and ordered first, so it runs before every other route (the body limit's
  // refusal included) and no response misses it.
  void install(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) Router router) {
    checkFrameAncestors(frameAncestors);
    router.route().order(Integer.MIN_VALUE).handler(SecurityHeaders::onRequest);
  }

  /**
   * The demo page's policy takes {@code helpline.web.frame-ancestors} as it is, so a value that
   * is not a plain source list (a ';' would start a directive of its own) stops start-up.
   */
  static void checkFrameAncestors(String value) {
    if (!FRAME_ANCESTORS.matcher(value).matches()) {
      throw new IllegalStateException("helpline.web.frame-ancestors must be 'none' or a"
          + " space-separated list of CSP sources such as https://www.example.org; it is '"
          + value + "'");
    }
  }

  private static void onRequest(RoutingContext ctx) {
    ctx.addHeadersEndHandler(v -> {
      MultiMap headers = ctx.response().headers();
      if (!headers.contains(CSP)) {
        headers.set(CSP, DEFAULT_CSP);
      }
    });
    ctx.next();
  }
}
