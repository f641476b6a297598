package fi.muutos.zoning;

import static fi.muutos.zoning.ZoningPlanProcess.Elements;
import static fi.muutos.zoning.ZoningPlanProcess.Vars;
import static java.util.Map.entry;

import fi.muutos.platform.Decision;
import fi.muutos.platform.DomainException;
import fi.muutos.platform.TaskRules;
import fi.muutos.platform.TaskRules.Rule;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code #{zoningTaskValidator}} on every zoning user task's completion: the values each task must
 * carry ({@link TaskRules}), then its legal dates against the procedure ({@link ZoningLegalDates});
 * once they pass, the facts a task gives the plan's record are recorded there (the draft's display
 * date, an initiation announced in the planning review) and an unchecked meeting box counts as no.
 */
@Component("zoningTaskValidator")
class ZoningTaskValidator implements TaskListener {

  /** What became of the proposal after its display or its meeting (MRA 32 §). */
  private static final String[] CHANGES = {"NONE", "REDISPLAY", "HEARD"};

  private static final TaskRules RULES =
      new TaskRules(
          Map.ofEntries(
              entry(
                  Elements.ANNOUNCE_INITIATION,
                  List.of(Rule.date(Vars.ANNOUNCEMENT_DATE), Rule.text(Vars.OAS_REFERENCE))),
              entry(Elements.AUTHORITIES_MEETING, List.of(Rule.date(Vars.MEETING_DATE))),
              entry(
                  Elements.DISPLAY_DRAFT,
                  List.of(
                      Rule.date(Vars.DRAFT_DISPLAY_START),
                      Rule.dateNotBefore(Vars.DRAFT_DISPLAY_END, Vars.DRAFT_DISPLAY_START))),
              entry(
                  Elements.PREPARE_PROPOSAL,
                  List.of(
                      Rule.date(Vars.DISPLAY_DECISION_DATE),
                      Rule.text(Vars.DISPLAY_DECISION_BODY),
                      Rule.dateNotBefore(Vars.DISPLAY_NOTICE_DATE, Vars.DISPLAY_DECISION_DATE),
                      Rule.dateNotBefore(Vars.PROPOSAL_DISPLAY_START, Vars.DISPLAY_NOTICE_DATE))),
              entry(
                  Elements.REPLY_TO_REMINDERS,
                  List.of(
                      Rule.oneOf(Vars.REMINDER_REPLIES_SENT, "SENT", "NOBODY_ASKED"),
                      Rule.oneOf(Vars.PROPOSAL_CHANGES, CHANGES))),
              entry(
                  Elements.DECIDE_REDISPLAY,
                  List.of(
                      Rule.date(Vars.REDISPLAY_DECISION_DATE),
                      Rule.text(Vars.REDISPLAY_DECISION_BODY),
                      Rule.date(Vars.REDISPLAY_NOTICE_DATE),
                      Rule.dateNotBefore(Vars.REDISPLAY_START, Vars.REDISPLAY_DECISION_DATE))),
              entry(
                  Elements.PROPOSAL_AUTHORITIES_MEETING,
                  List.of(
                      Rule.date(Vars.PROPOSAL_MEETING_DATE),
                      Rule.text(Vars.PROPOSAL_MEETING_MINUTES),
                      Rule.oneOf(Vars.MEETING_CHANGES, CHANGES))),
              entry(Elements.BOARD_PROPOSAL, List.of(Rule.date(Vars.BOARD_PROPOSAL_DATE))),
              entry(Elements.RECORD_DECISION, Decision.rules()),
              entry(
                  Elements.LEGALITY_CHECK,
                  List.of(
                      Rule.oneOf(Vars.LEGALITY_CHECK_RESULT, "LAWFUL", "REFERRED_BACK"),
                      Rule.date(Vars.LEGALITY_CHECK_DATE))),
              entry(
                  Elements.PUBLISH_NOTICE,
                  List.of(
                      Rule.date(Vars.NOTICE_DATE),
                      Rule.confirmed(Vars.NOTIFIED_ELINVOIMAKESKUS),
                      Rule.date(Vars.ELINVOIMAKESKUS_NOTIFIED_ON),
                      Rule.confirmed(Vars.NOTIFIED_REGIONAL_COUNCIL),
                      Rule.confirmed(Vars.NOTIFIED_REMINDER_FILERS))),
              entry(
                  Elements.CHECK_LEGAL_FORCE,
                  List.of(Rule.yesNo(Vars.APPEALS_LODGED), Rule.text(Vars.LEGAL_FORCE_CHECK))),
              entry(
                  Elements.CHECK_FURTHER_APPEAL,
                  List.of(
                      Rule.yesNo(Vars.FURTHER_APPEAL_LODGED),
                      Rule.text(Vars.FURTHER_APPEAL_CHECK))),
              entry(
                  Elements.ANSWER_RECTIFICATION,
                  List.of(
                      Rule.oneOf(Vars.RECTIFICATION_OUTCOME, "KEPT", "REVOKED"),
                      Rule.date(Vars.RECTIFICATION_ANSWER_DATE))),
              entry(
                  Elements.INFORM_COURT_OF_REVOCATION,
                  List.of(
                      Rule.date(Vars.COURT_INFORMED_ON), Rule.confirmed(Vars.APPELLANTS_INFORMED))),
              entry(
                  Elements.ENTRY_INTO_FORCE_NOTICE,
                  List.of(Rule.date(Vars.ENTRY_INTO_FORCE_DATE)))));

  private final ZoningLegalDates legalDates;
  private final ZoningPlans plans;
  private final ZoningDisplays displays;
  private final ZoningStatementBodies statementBodies;
  private final fi.muutos.platform.MunicipalitySettings municipality;

  ZoningTaskValidator(
      ZoningLegalDates legalDates,
      ZoningPlans plans,
      ZoningDisplays displays,
      ZoningStatementBodies statementBodies,
      fi.muutos.platform.MunicipalitySettings municipality) {
    this.municipality = municipality;
    this.legalDates = legalDates;
    this.plans = plans;
    this.displays = displays;
    this.statementBodies = statementBodies;
  }

  @Override
  public void notify(DelegateTask task) {
    RULES.check(task);
    legalDates.check(task);
    checkStatementRequests(task);
    if (Elements.REPLY_TO_REMINDERS.equals(task.getTaskDefinitionKey())) {
      Vars.SUBSTANTIAL_CHANGES.set(task, "REDISPLAY".equals(Vars.PROPOSAL_CHANGES.get(task)));
    }
    if (Elements.REPLY_TO_REMINDERS.equals(task.getTaskDefinitionKey())
        && Vars.PROPOSAL_AUTHORITIES_MEETING.get(task) == null) {
      // an unchecked box: no meeting
      Vars.PROPOSAL_AUTHORITIES_MEETING.set(task, false);
    }
    if (Elements.ANNOUNCE_INITIATION.equals(task.getTaskDefinitionKey())) {
      plans.initiatedInReview(
          Vars.PLAN_ID.require(task), Boolean.TRUE.equals(Vars.INITIATION_IN_REVIEW.get(task)));
    }
    if (Elements.DISPLAY_DRAFT.equals(task.getTaskDefinitionKey())) {
      displays.draftDisplayed(
          Vars.PLAN_ID.require(task),
          Vars.DRAFT_DISPLAY_START.require(task),
          Vars.DRAFT_DISPLAY_END.get(task));
    }
  }

  /**
   * The statement requests of a display name the municipality's bodies (written back as the list
   * has them, so the statements match); the proposal's first display asks the bodies the law
   * requires for the plan's type, and an expected one left out has a reason (MRA 20 §, 28 §).
   */
  private void checkStatementRequests(DelegateTask task) {
    boolean proposal = Elements.PREPARE_PROPOSAL.equals(task.getTaskDefinitionKey());
    if (!proposal && !Elements.DECIDE_REDISPLAY.equals(task.getTaskDefinitionKey())) {
      return;
    }
    var decidedBy = proposal ? Vars.DISPLAY_DECISION_BODY : Vars.REDISPLAY_DECISION_BODY;
    String body = decidedBy.get(task);
    if (body == null || municipality.body(body).isEmpty()) {
      throw new DomainException(
          DomainException.Kind.INVALID,
          "wrong-approving-body",
          "Tehtävää "
              + task.getName()
              + " ei voi merkitä valmiiksi: nähtäville asettamisesta päättänyt toimielin ("
              + decidedBy.name()
              + ") on jokin kunnan toimielimistä: "
              + String.join(", ", municipality.bodies())
              + ".");
    }
    var requests = proposal ? Vars.STATEMENT_AUTHORITIES : Vars.REDISPLAY_AUTHORITIES;
    ZoningStatementBodies.Checked checked =
        statementBodies.check(
            plans.find(Vars.PLAN_ID.require(task)).type(),
            requests.get(task),
            proposal,
            Vars.STATEMENT_OMISSION_REASON.get(task));
    List<String> problems = new java.util.ArrayList<>(checked.problems());
    String reason =
        (proposal ? Vars.STATEMENT_OMISSION_REASON : Vars.REDISPLAY_STATEMENT_REASON).get(task);
    java.time.LocalDate start =
        (proposal ? Vars.PROPOSAL_DISPLAY_START : Vars.REDISPLAY_START).get(task);
    if (start != null && (reason == null || reason.isBlank())) {
      java.time.LocalDate lastDay = displays.lastDay(start, ZoningDisplays.displayDays(task));
      ZoningDisplays.statementDueDates(checked.requests(), start, lastDay)
          .forEach(
              (asked, due) -> {
                if (due.isBefore(lastDay)) {
                  problems.add(
                      "lausuntoaika ("
                          + asked
                          + " "
                          + due
                          + ") päättyy ennen nähtävilläoloa "
                          + lastDay
                          + ": kirjaa perustelu lyhyemmälle ajalle");
                }
              });
    }
    if (!problems.isEmpty()) {
      throw new DomainException(
          DomainException.Kind.INVALID,
          "invalid-statement-requests",
          "Tehtävää "
              + task.getName()
              + " ei voi merkitä valmiiksi: "
              + String.join("; ", problems)
              + ".");
    }
    requests.set(task, checked.requests());
  }
}
