package org.helpline.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem document. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance) {

  /** Media type of problem documents. */
  public static final String MEDIA_TYPE = "application/problem+json";
}
