package org.helpline.api;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a body whose declared length is over {@code quarkus.http.limits.max-body-size}
 * before anything reads it, with a problem document like every other error. (Vert.x enforces
 * the same limit on bodies without a length, with a bare 413.)
 */
@ApplicationScoped
public class BodyLimitHandler {

  private final long limit;

  public BodyLimitHandler(
      @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit) {
    this.limit = limit.asLongValue();
  }

  void install(@Observes Router router) {
    router.route().order(Integer.MIN_VALUE).handler(this::check);
  }

  private void check(RoutingContext ctx) {
    String declared = ctx.request().getHeader("Content-Length");
    long length;
    try {
      length = declared == null ? -1 : Long.parseLong(declared.trim());
    } catch (NumberFormatException e) {
      length = -1;
    }
    if (length > limit) {
      Problem problem = new Problem("urn:helpline:problem:too-large", "Payload Too Large", 413,
          "the request body is " + length + " bytes; the limit is " + limit + " bytes",
          ctx.request().path());
      ctx.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
          .putHeader("Connection", "close").end(Json.encode(problem));
    } else {
      ctx.next();
    }
  }
}
