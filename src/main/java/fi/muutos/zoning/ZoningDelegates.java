package fi.muutos.zoning;

import static fi.muutos.zoning.ZoningPlanProcess.Vars;

import fi.muutos.cases.CaseKind;
import fi.muutos.platform.ProcessVariable;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The zoning process's delegates: each reads its typed variables ({@link ZoningPlanProcess.Vars}),
 * calls the feature's services ({@link ZoningPlans}, {@link ZoningDisplays}, {@link
 * ZoningDecisions}, ...), writes typed output. Stages are recorded by the shared {@code
 * #{recordStage}} step.
 */
@Configuration(proxyBeanMethods = false)
class ZoningDelegates {

  /** Plans are cases ({@code fi.muutos.cases}). */
  @Bean
  CaseKind<ZoningStage> zoningCases() {
    return ZoningPlanProcess.CASE;
  }

  /**
   * {@code #{registerZoningPlan}}: the process's first step creates the plan's record, however the
   * process was started (API, Tasklist start form, engine REST). The business key was claimed (or
   * given, KAAVA-year-number) when the instance started. The plan moves only the measures it was
   * started for (the API's {@code measures}; none from Tasklist).
   */
  @Bean
  JavaDelegate registerZoningPlan(ZoningPlans plans, ZoningDecisions decisions) {
    return execution -> {
      StartPlan start = StartPlan.of(execution);
      long planId = plans.register(start, execution.getProcessInstanceId());
      // kept on the plan's record, not as a variable (a long boundary outgrows a variable)
      execution.removeVariable(Vars.AREA_GEOJSON.name());
      plans.recordNumber(planId, start.recordNumber());
      List<String> measures = start.measures();
      Vars.PLAN_ID.set(execution, planId);
      Vars.SIGNIFICANT.set(execution, start.significant());
      Vars.MEASURES.set(execution, measures == null ? List.of() : measures);
      Vars.DECISION_BODIES.set(execution, decisions.bodyChoices());
    };
  }

  /**
   * {@code #{checkCancellation}} (execution listener on the cancellation's start): a plan in legal
   * force, or an approved plan without its approving body's decision, is not ended; the correlation
   * rolls back and the event is refused with the reason.
   */
  @Bean
  ExecutionListener checkCancellation(ZoningDecisions decisions) {
    return execution ->
        decisions.checkRevocation(
            planId(execution),
            Vars.CANCELLATION_BODY.get(execution),
            Vars.CANCELLATION_DATE.get(execution));
  }

  /** {@code #{applyZoningVariant}}: the DMN's COUNCIL / DELEGATED becomes the body's name. */
  @Bean
  JavaDelegate applyZoningVariant(ZoningDecisions decisions) {
    return execution ->
        Vars.APPROVING_BODY_NAME.set(
            execution,
            decisions.approvingBody(planId(execution), Vars.APPROVING_BODY.get(execution)));
  }

  /**
   * {@code #{checkDecision}} (execution listener where the registry's task and the meeting system's
   * event meet): a decision dated before the display ended or in the future, or an approval by a
   * body that may not approve this plan (after a take-over: any body but the board), does not pass.
   */
  @Bean
  ExecutionListener checkDecision(ZoningDecisions decisions) {
    return execution ->
        Vars.DECISION_BY_COUNCIL.set(
            execution,
            decisions.checkDecision(
                planId(execution),
                Vars.DECISION_BODY.get(execution),
                Vars.DECISION_OUTCOME.get(execution),
                Vars.DECISION_DATE.get(execution),
                Vars.DECISION_SECTION.get(execution),
                Boolean.TRUE.equals(Vars.TAKEN_OVER.get(execution)),
                Vars.BOARD_PROPOSAL_DATE.get(execution)));
  }

  /**
   * {@code #{checkTakeOver}} (execution listener on each event that takes the matter over): only
   * the board, only a subordinate body's decision, within the oikaisuvaatimus period counted from
   * the minutes' publication (kuntalaki 92 §, 140 §); otherwise the event is refused with the
   * reason and the plan goes on. From then on only the board decides the plan.
   */
  @Bean
  ExecutionListener checkTakeOver(ZoningPlans plans, ZoningDecisions decisions) {
    return execution -> {
      ZoningPlanView plan = plans.find(planId(execution));
      decisions.checkTakeOver(
          plan.businessKey(),
          plan.decidedBy(),
          Vars.DECISION_DATE.get(execution),
          Vars.NOTICE_DATE.get(execution),
          Vars.TAKE_OVER_BODY.get(execution),
          Vars.TAKE_OVER_DATE.get(execution));
      Vars.TAKEN_OVER.set(execution, true);
    };
  }

  /**
   * {@code #{enterIntoForceEarly}}: the plan under appeal was ordered into force before legal
   * force, as a whole or in part (AKL 201 §).
   */
  @Bean
  JavaDelegate enterIntoForceEarly(ZoningAppeals appeals) {
    return execution ->
        appeals.enterIntoForceEarly(
            planId(execution),
            Vars.EARLY_ENTRY_SCOPE.get(execution),
            Vars.EARLY_ENTRY_DATE.get(execution),
            execution.getCurrentActivityId());
  }

  /**
   * {@code #{reportLeadTimes}}: a plan in force moves the zoning-development measure only through
   * the lead-time figures, when the municipality names that measure.
   */
  @Bean
  JavaDelegate reportLeadTimes(ZoningLeadTimes leadTimes) {
    return execution ->
        leadTimes.report(
            new fi.muutos.strategy.ChangeSource.Process(
                ZoningPlanProcess.KEY,
                execution.getProcessInstanceId(),
                execution.getProcessBusinessKey(),
                execution.getCurrentActivityId()));
  }

  /**
   * {@code #{undoApproval}}: the board referred the council's approval back or took a delegated
   * body's approval over, or a court annulled it and the city prepares the plan again; the plan is
   * a proposal again, and the approval's notice and periods go with it.
   */
  @Bean
  JavaDelegate undoApproval(ZoningDecisions decisions) {
    return execution -> {
      decisions.undoApproval(planId(execution), execution.getCurrentActivityId());
      forgetApproval(execution);
    };
  }

  /** The variables of an approval that no longer stands: the next approval has its own. */
  private static void forgetApproval(DelegateExecution execution) {
    for (ProcessVariable<?> fact :
        List.of(
            Vars.LEGALITY_CHECK_RESULT,
            Vars.NOTICE_DATE,
            Vars.APPEAL_PERIOD_ENDS_AT,
            Vars.RECTIFICATION_APPEAL_ENDS_ON)) {
      execution.removeVariable(fact.name());
    }
  }

  /**
   * {@code #{startProposalDisplay}}: the (re)display of the proposal starts; sets when it ends and
   * whose statements are requested (the statement round's branches): the prepared proposal's
   * authorities in the first round, the redisplay decision's in a later one.
   */
  @Bean
  JavaDelegate startProposalDisplay(ZoningDisplays displays) {
    return execution -> {
      // a redisplay decision's start and requests are used once; otherwise the prepared proposal's
      boolean redisplay = Vars.REDISPLAY_START.get(execution) != null;
      ProcessVariable<LocalDate> start =
          redisplay ? Vars.REDISPLAY_START : Vars.PROPOSAL_DISPLAY_START;
      List<String> requests =
          (redisplay ? Vars.REDISPLAY_AUTHORITIES : Vars.STATEMENT_AUTHORITIES).get(execution);
      ZoningDisplays.Display display =
          displays.startProposalDisplay(
              planId(execution),
              start,
              start.get(execution),
              ZoningDisplays.displayDays(execution),
              execution.getCurrentActivityId(),
              requests,
              (redisplay ? Vars.REDISPLAY_DECISION_DATE : Vars.DISPLAY_DECISION_DATE)
                  .get(execution),
              (redisplay ? Vars.REDISPLAY_DECISION_BODY : Vars.DISPLAY_DECISION_BODY)
                  .get(execution));
      execution.removeVariable(Vars.REDISPLAY_START.name());
      execution.removeVariable(Vars.REDISPLAY_AUTHORITIES.name());
      Vars.DISPLAY_ENDS_AT.set(execution, display.endsAt());
      Vars.STATEMENT_REQUESTS.set(execution, display.authorities());
      Vars.STATEMENT_DEADLINES.set(execution, display.statementDeadlines());
    };
  }

  /**
   * {@code #{recordStatement}}: the statement a branch waited for arrived; {@code
   * #{recordLateStatement}}: one arrived when no branch waited for it (after its period, or
   * unrequested).
   */
  @Bean
  JavaDelegate recordStatement(ZoningDisplays displays) {
    return execution ->
        displays.statementReceived(
            planId(execution),
            Vars.AUTHORITY.require(execution),
            Vars.STATEMENT_DATE.get(execution));
  }

  @Bean
  JavaDelegate recordLateStatement(ZoningDisplays displays) {
    return execution ->
        displays.lateStatement(
            planId(execution), Vars.AUTHORITY.get(execution), Vars.STATEMENT_DATE.get(execution));
  }

  /**
   * {@code #{startAppealPeriod}}: sets {@code appealPeriodEndsAt} from the notice's date, and when
   * the registry's legal-force check is due.
   */
  @Bean
  JavaDelegate startAppealPeriod(ZoningAppeals appeals) {
    return execution -> {
      long planId = planId(execution);
      Vars.APPEAL_PERIOD_ENDS_AT.set(
          execution,
          appeals.startAppealPeriod(
              planId,
              Vars.NOTICE_DATE.require(execution),
              Vars.RECTIFICATION_APPEAL_ENDS_ON.get(execution)));
      Vars.LEGAL_FORCE_CHECK_DUE.set(execution, appeals.legalForceCheckDue(planId));
      Vars.LEGAL_FORCE_DATE.set(execution, appeals.legalForceDate(planId));
      Vars.APPEAL_PENDING.set(execution, false);
    };
  }

  /**
   * {@code #{recordAppeal}} (input {@code stage}: APPEALED or RECTIFICATION_AND_APPEAL): the plan
   * is under appeal from the appeal's date; the date is used once, so an appeal the registry finds
   * later is not given an earlier appeal's date.
   */
  @Bean
  JavaDelegate recordAppeal(ZoningAppeals appeals) {
    return execution -> {
      appeals.appealed(
          planId(execution),
          ZoningStage.valueOf(APPEAL_STAGE.getLocal(execution)),
          Vars.APPEAL_DATE.get(execution),
          execution.getCurrentActivityId());
      execution.removeVariable(Vars.APPEAL_DATE.name());
    };
  }

  private static final ProcessVariable<String> APPEAL_STAGE = ProcessVariable.text("stage");

  /**
   * {@code #{correctLegalForce}}: an appeal lodged in time was found after legal force was recorded
   * (issue 34, N10): the plan is under appeal again and the correction is on its record; a late
   * appeal is refused and legal force stands.
   */
  @Bean
  JavaDelegate correctLegalForce(ZoningAppeals appeals) {
    return execution -> {
      appeals.legalForceInError(
          planId(execution), Vars.APPEAL_DATE.get(execution), execution.getCurrentActivityId());
      execution.removeVariable(Vars.APPEAL_DATE.name());
    };
  }

  /**
   * {@code #{recordCourtDecision}}: a court decided on an appeal; sets whether it can be appealed
   * further (an HaO decision, AKL 190 §), until when, and the day it becomes final.
   */
  @Bean
  JavaDelegate recordCourtDecision(ZoningAppeals appeals) {
    return execution -> {
      ZoningAppeals.CourtDecision decision =
          appeals.recordCourtDecision(
              planId(execution),
              Vars.APPEAL_DECISION_COURT.get(execution),
              Vars.APPEAL_OUTCOME.get(execution),
              Vars.APPEAL_DECISION_DATE.get(execution),
              Vars.APPEAL_SERVED_ON.get(execution));
      Vars.FURTHER_APPEAL_POSSIBLE.set(execution, decision.furtherAppealPossible());
      Vars.FURTHER_APPEAL_ENDS_AT.set(execution, decision.furtherAppealEndsAt());
      Vars.FURTHER_APPEAL_CHECK_DUE.set(execution, decision.checkDue());
      Vars.LEGAL_FORCE_DATE.set(execution, decision.finalOn());
    };
  }

  /**
   * {@code #{recordRectification}}: a rectification request holds the plan: 07, or 09 when it is
   * under appeal already (from the record); one made after its 14 days is flagged.
   */
  @Bean
  JavaDelegate recordRectification(ZoningAppeals appeals) {
    return execution ->
        Vars.RECTIFICATION_LATE.set(
            execution,
            appeals.rectificationRequested(
                planId(execution),
                Vars.RECTIFICATION_DATE.get(execution),
                Vars.ELINVOIMAKESKUS_NOTIFIED_ON.get(execution),
                execution.getCurrentActivityId()));
  }

  /**
   * {@code #{recordRectificationAnswer}}: the approving body's answer to a rectification request
   * moves the plan (approved again, under appeal, or a proposal again). A kept decision goes on
   * where the request stopped it (the court, the appeal period, the legality check or the notice),
   * and a running appeal period lasts until the elinvoimakeskus' own has ended (AKL 195 §).
   */
  @Bean
  JavaDelegate recordRectificationAnswer(ZoningAppeals appeals) {
    return execution -> {
      long planId = planId(execution);
      ZoningAppeals.RectificationAnswer answer =
          appeals.answerRectification(
              planId,
              Vars.RECTIFICATION_OUTCOME.get(execution),
              Vars.RECTIFICATION_ANSWER_DATE.get(execution),
              Vars.RECTIFICATION_ANSWER_SERVED_ON.get(execution),
              execution.getCurrentActivityId());
      Vars.APPEAL_PENDING.set(execution, answer.appealPending());
      if (answer.elinvoimakeskusAppealEndsOn() == null) {
        forgetApproval(execution);
        return;
      }
      Vars.RECTIFICATION_APPEAL_ENDS_ON.set(execution, answer.elinvoimakeskusAppealEndsOn());
      boolean periodRuns = Vars.APPEAL_PERIOD_ENDS_AT.get(execution) != null;
      if (periodRuns) {
        Vars.APPEAL_PERIOD_ENDS_AT.set(execution, appeals.appealPeriodEndsAt(planId));
        Vars.LEGAL_FORCE_CHECK_DUE.set(execution, appeals.legalForceCheckDue(planId));
        Vars.LEGAL_FORCE_DATE.set(execution, appeals.legalForceDate(planId));
      }
      Vars.RECTIFICATION_RESUME.set(
          execution,
          ZoningAppeals.resumeAfterKept(
              answer.appealPending(),
              periodRuns,
              Boolean.TRUE.equals(Vars.DECISION_BY_COUNCIL.get(execution))
                  && Vars.LEGALITY_CHECK_RESULT.get(execution) == null));
    };
  }

  /**
   * {@code #{recordReminder}}: a reminder (muistutus) arrived; it counts only when filed during the
   * display, else it is kept as a late submission.
   */
  @Bean
  JavaDelegate recordReminder(ZoningDisplays displays) {
    return execution ->
        displays.recordReminder(planId(execution), Vars.REMINDER_DATE.get(execution));
  }

  private static long planId(DelegateExecution execution) {
    return Vars.PLAN_ID.require(execution);
  }
}
