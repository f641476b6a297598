package fi.muutos.zoning.review;

import fi.muutos.platform.ProcessVariable;
import java.time.LocalDate;

/** The constants of {@code processes/zoning/planning-review.bpmn}. */
public final class PlanningReviewProcess {

  public static final String KEY = "planningReview";

  private PlanningReviewProcess() {}

  /** The message that starts a review on demand. */
  public static final String REQUESTED = "planningReviewRequested";

  /** Element ids. */
  public static final class Elements {
    public static final String START = "startEvent_reviewRequested";
    public static final String YEARLY = "startEvent_yearly";
    public static final String COMPILE = "serviceTask_compileReview";
    public static final String APPROVE = "userTask_approveReview";
    public static final String PUBLISH = "serviceTask_publishReview";
    public static final String END = "endEvent_reviewPublished";

    private Elements() {}
  }

  /** Process variables, typed. */
  public static final class Vars {
    /** The year the review is for (the request's; the yearly start: the current year). */
    public static final ProcessVariable<Integer> REVIEW_YEAR = ProcessVariable.count("reviewYear");

    public static final ProcessVariable<Long> REVIEW_ID = ProcessVariable.id("reviewId");
    public static final ProcessVariable<LocalDate> APPROVED_ON =
        ProcessVariable.date("reviewApprovedOn");

    // recorded for the history; no code reads it
    public static final ProcessVariable<String> APPROVAL_SECTION =
        ProcessVariable.text("reviewApprovalSection");

    private Vars() {}
  }
}
