package org.helpline.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.helpline.content.ContentProblem;

/** An RFC 9457 problem document for invalid content, with every problem (file and line). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContentProblemDocument(String type, String title, int status, String detail,
    String instance, List<ContentProblem> problems) {
}
