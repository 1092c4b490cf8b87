package org.helpline.api;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.helpline.config.HelplineConfig;

/**
 * Refuses a body over {@code helpline.http.max-body-size} (or, for the content editors'
 * endpoints under {@value #CONTENT}, {@code helpline.content.max-upload}) with a problem
 * document like every other error: at once when its declared length is over, and while reading
 * it when it comes without a length (chunked), which Quarkus's own reader would otherwise cut
 * off with a bare, empty 413. Quarkus's {@code quarkus.http.limits.max-body-size} must be at
 * least the larger of the two.
 */
@ApplicationScoped
public class BodyLimitHandler {

  /** Where content files and content trees are uploaded. */
  static final String CONTENT = "/api/v1/staff/content/";

  private final long limit;
  private final long contentLimit;

  public BodyLimitHandler(HelplineConfig config) {
    this.limit = config.http().maxBodySize().asLongValue();
    this.contentLimit = config.content().maxUpload().asLongValue();
  }

  void install(@Observes Router router) {
    // Just after Quarkus's quarkus.http.header.* routes (order MIN_VALUE), so a refusal
    // carries the security headers too; before everything that reads a body.
    router.route().order(Integer.MIN_VALUE + 1).handler(this::check);
  }

  /**
   * Buffers a body of unknown length up to the limit, as it is; RESTEasy then reads the
   * buffer. (Vert.x's BodyHandler would also decode form bodies, and fail on them its own way.)
   */
  @SuppressWarnings("deprecation") // setBody: the buffer RESTEasy Reactive reads via getBody
  private void collect(RoutingContext ctx, long limit) {
    Buffer body = Buffer.buffer();
    boolean[] refused = {false};
    ctx.request().handler(chunk -> {
      if (refused[0]) {
        return;
      }
      if (body.length() + chunk.length() > limit) {
        refused[0] = true;
        refuse(ctx, "the request body is over the limit of " + limit + " bytes");
        return;
      }
      body.appendBuffer(chunk);
    });
    ctx.request().exceptionHandler(e -> {
      if (!refused[0] && !ctx.response().ended()) {
        refused[0] = true;
        ctx.fail(400, e);
      }
    });
    ctx.request().endHandler(v -> {
      if (!refused[0]) {
        ctx.setBody(body);
        ctx.next();
      }
    });
    ctx.request().resume();
  }

  private void check(RoutingContext ctx) {
    long limit = ctx.normalizedPath().startsWith(CONTENT) ? contentLimit : this.limit;
    String declared = ctx.request().getHeader("Content-Length");
    long length;
    try {
      length = declared == null ? -1 : Long.parseLong(declared.trim());
    } catch (NumberFormatException e) {
      length = -1;
    }
    if (length > limit) {
      refuse(ctx, "the request body is " + length + " bytes; the limit is " + limit + " bytes");
    } else if (declared == null && ctx.request().headers().contains("Transfer-Encoding")) {
      collect(ctx, limit);
    } else {
      ctx.next();
    }
  }

  private static void refuse(RoutingContext ctx, String detail) {
    Problem problem = new Problem("urn:helpline:problem:too-large", "Payload Too Large", 413,
        detail, ctx.request().path());
    ctx.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
        .putHeader("Connection", "close").end(Json.encode(problem));
  }
}
