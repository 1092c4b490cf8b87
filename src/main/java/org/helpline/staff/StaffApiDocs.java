package org.helpline.staff;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;

/**
 * What the OpenAPI document says of every staff endpoint (under {@code /api/v1/staff/}): it is
 * tagged "staff" and answers 401 to a request without a signed-in account. The role each needs,
 * and so its 403, stays on the resource class.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class StaffApiDocs implements OASFilter {

  static final String PATHS = "/api/v1/staff/";
  static final String TAG = "staff";

  @Override
  public void filterOpenAPI(OpenAPI openApi) {
    if (openApi.getPaths() == null) {
      return;
    }
    openApi.getPaths().getPathItems().forEach((path, item) -> {
      if (path.startsWith(PATHS)) {
        item.getOperations().values().forEach(StaffApiDocs::document);
      }
    });
    if (openApi.getTags() == null
        || openApi.getTags().stream().noneMatch(t -> TAG.equals(t.getName()))) {
      openApi.addTag(OASFactory.createTag().name(TAG));
    }
  }

  private static void document(Operation operation) {
    // In place of the tag Quarkus derives from the class name: one "staff" group for all.
    operation.setTags(new ArrayList<>(List.of(TAG)));
    operation.getResponses().addAPIResponse("401",
        OASFactory.createAPIResponse().description("Not signed in"));
  }
}
