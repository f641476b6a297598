package fi.muutos.zoning.review;

import static fi.muutos.zoning.review.PlanningReviewProcess.Vars;

import fi.muutos.cases.Cases;
import fi.muutos.platform.TaskRules;
import fi.muutos.platform.TaskRules.Rule;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The planning review's delegates and its task's check. */
@Configuration(proxyBeanMethods = false)
class PlanningReviewDelegates {

  private static final TaskRules RULES =
      new TaskRules(
          Map.of(PlanningReviewProcess.Elements.APPROVE, List.of(Rule.date(Vars.APPROVED_ON))));

  /**
   * {@code #{compilePlanningReview}}: the review of the start's year (yearly: this year), named on
   * its record (KATSAUS-year-number) as "Kaavoituskatsaus year".
   */
  @Bean
  JavaDelegate compilePlanningReview(PlanningReviews reviews, Cases cases) {
    return execution -> {
      long id = reviews.compile(Vars.REVIEW_YEAR.get(execution), execution.getProcessInstanceId());
      Vars.REVIEW_ID.set(execution, id);
      // the year the review is of, also for a yearly start without one (the tasks name it)
      Vars.REVIEW_YEAR.set(execution, reviews.find(id).reviewYear());
      cases.describe(
          PlanningReviewProcess.KEY,
          execution.getProcessBusinessKey(),
          "Kaavoituskatsaus " + reviews.find(id).reviewYear());
    };
  }

  /** {@code #{publishPlanningReview}}. */
  @Bean
  JavaDelegate publishPlanningReview(PlanningReviews reviews) {
    return execution -> reviews.publish(Vars.REVIEW_ID.require(execution));
  }

  /** {@code ${planningReviewTaskValidator}}: the approval's date, checked and recorded. */
  @Bean
  TaskListener planningReviewTaskValidator(PlanningReviews reviews) {
    return task -> {
      RULES.check(task);
      reviews.approve(Vars.REVIEW_ID.require(task), Vars.APPROVED_ON.require(task));
    };
  }
}
