package fi.muutos.zoning;

import fi.muutos.migration.ModelChange;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What this release changed in the zoning model for running plans (docs/operations.md). The board's
 * take-over window no longer holds the approval's notice (issue 34, N3: the notice goes out at
 * once, and a take-over is heard until the oikaisuvaatimus period ends): a plan that waited in the
 * old window waits for its notice.
 */
@Component
class ZoningModelChanges implements ModelChange {

  @Override
  public String processKey() {
    return ZoningPlanProcess.KEY;
  }

  @Override
  public Map<String, String> moves() {
    return Map.of(
        "gateway_takeOverWindow", ZoningPlanProcess.Elements.PUBLISH_NOTICE,
        "event_takeOverWindowEnded", ZoningPlanProcess.Elements.PUBLISH_NOTICE,
        "event_matterTakenOver", ZoningPlanProcess.Elements.PUBLISH_NOTICE);
  }
}
