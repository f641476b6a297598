package fi.muutos.zoning.review;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;

/** The planning review's facade: a review compiled on demand (the yearly one starts by itself). */
@Service
public class PlanningReviewProcedure {

  private final RuntimeService runtimeService;
  private final PlanningReviews reviews;

  PlanningReviewProcedure(RuntimeService runtimeService, PlanningReviews reviews) {
    this.runtimeService = runtimeService;
    this.reviews = reviews;
  }

  /** Starts the review of {@code year}: compiled at once, then waiting for the board's approval. */
  public PlanningReviewView request(int year) {
    String instance =
        runtimeService
            .startProcessInstanceByMessage(
                PlanningReviewProcess.REQUESTED,
                Map.of(PlanningReviewProcess.Vars.REVIEW_YEAR.name(), year))
            .getId();
    return reviews.findByInstance(instance);
  }
}
