package fi.muutos.zoning;

import static fi.muutos.zoning.ZoningPlanProcess.Elements;
import static fi.muutos.zoning.ZoningPlanProcess.Vars;

import fi.muutos.cases.Backdating;
import fi.muutos.cases.Cases;
import fi.muutos.platform.DomainException;
import fi.muutos.platform.DomainException.Kind;
import fi.muutos.platform.EngineCaller;
import fi.muutos.platform.FormLabels;
import fi.muutos.platform.ProcessVariable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The legal dates people enter on the zoning tasks, checked against the procedure and the plan's
 * record (never against another variable a user could write):
 *
 * <ul>
 *   <li>a date that starts a statutory period (vireilletulo, a display's first day, the approval
 *       notice, entry into force) is not before the step it follows; a date earlier than today
 *       needs a stated reason ({@code backdatingReason}: an earlier act registered now) and is
 *       logged on the case, so no period is shortened silently;
 *   <li>the date of an act already done (a meeting, a decision, an answer) is not in the future and
 *       not before the step it follows.
 * </ul>
 *
 * The decision's own dates (task or meeting-system event) are checked by {@link
 * ZoningPlans#checkDecision}.
 */
@Service
class ZoningLegalDates {

  private final ZoningPlans plans;
  private final Cases cases;
  private final Clock clock;

  ZoningLegalDates(ZoningPlans plans, Cases cases, Clock clock) {
    this.plans = plans;
    this.cases = cases;
    this.clock = clock;
  }

  /** What a date is: the start of a period, or the day of an act already done. */
  private enum DateKind {
    PERIOD_START,
    ACT_DONE
  }

  /** One date on one task, and the earliest day the procedure allows for it. */
  private record Entered(
      ProcessVariable<LocalDate> variable, DateKind kind, LocalDate earliest, String after) {}

  @Transactional
  public void check(DelegateTask task) {
    long planId = Vars.PLAN_ID.require(task);
    ZoningPlanView plan = plans.find(planId);
    List<Entered> dates = dates(task.getTaskDefinitionKey(), plan, task);
    List<String> problems = new ArrayList<>();
    List<Backdating> backdated = new ArrayList<>();
    LocalDate today = LocalDate.now(clock);
    String reason = Vars.BACKDATING_REASON.get(task);
    // a reason belongs to the dates of this task only: it neither carries over to the next task
    // nor pre-fills its form
    task.getExecution().removeVariable(Vars.BACKDATING_REASON.name());
    for (Entered entered : dates) {
      LocalDate date = entered.variable().get(task);
      if (date == null) {
        continue; // the task's rules say what is required
      }
      String name = entered.variable().name();
      String field = FormLabels.field(task, name) + " " + FormLabels.date(date);
      if (entered.earliest() != null && date.isBefore(entered.earliest())) {
        problems.add(
            field
                + " on aikaisempi kuin "
                + entered.after()
                + " "
                + FormLabels.date(entered.earliest()));
      }
      if (entered.kind() == DateKind.ACT_DONE && date.isAfter(today)) {
        problems.add(field + " on tulevaisuudessa: kirjaa tehty toimi sen päivällä");
      }
      if (entered.kind() == DateKind.PERIOD_START && date.isBefore(today)) {
        if (reason == null || reason.isBlank()) {
          problems.add(
              field
                  + " on mennyt päivä: määräaika alkaisi taannehtivasti; kerro perustelu"
                  + " (backdatingReason), jos kirjaat aiemmin tehtyä tointa");
        } else {
          backdated.add(
              new Backdating(
                  name, date, reason.strip(), today, userId(task), task.getTaskDefinitionKey()));
        }
      }
    }
    problems.addAll(ZoningRequirements.of(task, plan));
    if (!problems.isEmpty()) {
      throw new DomainException(
          Kind.INVALID,
          "invalid-legal-date",
          "Tehtävää "
              + task.getName()
              + " ei voi merkitä valmiiksi: "
              + String.join("; ", problems)
              + ".");
    }
    backdated.forEach(b -> cases.backdated(ZoningPlanProcess.CASE, plan.businessKey(), b));
  }

  private static List<Entered> dates(String taskKey, ZoningPlanView plan, DelegateTask task) {
    LocalDate announced = legalDate(plan, ZoningStage.ANNOUNCED);
    return switch (taskKey) {
      case Elements.ANNOUNCE_INITIATION -> {
        List<Entered> dates = new ArrayList<>();
        dates.add(new Entered(Vars.ANNOUNCEMENT_DATE, DateKind.PERIOD_START, null, null));
        if (plan.type() == PlanType.MINOR_DETAILED_PLAN_CHANGE) {
          // MRA 30 §: the opinions are asked in the initiation notice; the task records their
          // period and summary, so it is done when the period is over
          dates.add(
              new Entered(
                  Vars.INITIATION_OPINIONS_UNTIL,
                  DateKind.ACT_DONE,
                  Vars.ANNOUNCEMENT_DATE.get(task),
                  "vireilletulon kuulutus"));
        }
        yield dates;
      }
      case Elements.AUTHORITIES_MEETING ->
          List.of(new Entered(Vars.MEETING_DATE, DateKind.ACT_DONE, announced, "vireilletulo"));
      case Elements.DISPLAY_DRAFT ->
          List.of(
              new Entered(
                  Vars.DRAFT_DISPLAY_START, DateKind.PERIOD_START, announced, "vireilletulo"));
      case Elements.PREPARE_PROPOSAL -> {
        List<Entered> dates = new ArrayList<>();
        // a plan prepared again (returned, or annulled) is displayed anew: its decision, notice and
        // first day come after the previous round's last day, not on round 1's dates (N7)
        LocalDate afterDraft =
            latest(
                latest(announced, legalDate(plan, ZoningStage.DRAFT)),
                plan.displayRound() > 0 ? plan.displayEndsOn() : null);
        // AKL 62 §, MRA 30 §: the opinions on the draft (or a minor change's, asked with its
        // initiation notice) are not cut short: the proposal is decided on at the earliest on
        // the last day they may be given (issue 34, N8)
        LocalDate opinionsEnd =
            latest(Vars.DRAFT_DISPLAY_END.get(task), Vars.INITIATION_OPINIONS_UNTIL.get(task));
        boolean opinionsLast = opinionsEnd != null && !opinionsEnd.isBefore(afterDraft);
        dates.add(
            new Entered(
                Vars.DISPLAY_DECISION_DATE,
                DateKind.ACT_DONE,
                opinionsLast ? opinionsEnd : afterDraft,
                opinionsLast ? "mielipiteiden aika päättyy" : "edellinen vaihe"));
        dates.add(
            new Entered(
                Vars.DISPLAY_NOTICE_DATE,
                DateKind.PERIOD_START,
                Vars.DISPLAY_DECISION_DATE.get(task),
                "nähtäville asettamispäätös"));
        dates.add(
            new Entered(
                Vars.PROPOSAL_DISPLAY_START, DateKind.PERIOD_START, afterDraft, "edellinen vaihe"));
        yield dates;
      }
      case Elements.REPLY_TO_REMINDERS ->
          List.of(
              new Entered(
                  Vars.REMINDER_REPLIES_SENT_ON,
                  DateKind.ACT_DONE,
                  displayed(plan),
                  "ehdotuksen nähtävilläolo"),
              new Entered(
                  Vars.CHANGES_HEARD_ON,
                  DateKind.ACT_DONE,
                  displayed(plan),
                  "ehdotuksen nähtävilläolo"));
      case Elements.DECIDE_REDISPLAY ->
          List.of(
              new Entered(
                  Vars.REDISPLAY_DECISION_DATE,
                  DateKind.ACT_DONE,
                  plan.displayEndsOn(),
                  "edellisen nähtävilläolon viimeinen päivä"),
              new Entered(
                  Vars.REDISPLAY_NOTICE_DATE,
                  DateKind.PERIOD_START,
                  Vars.REDISPLAY_DECISION_DATE.get(task),
                  "päätös asettaa nähtäville"),
              new Entered(
                  Vars.REDISPLAY_START,
                  DateKind.PERIOD_START,
                  latest(
                      Vars.REDISPLAY_DECISION_DATE.get(task), Vars.REDISPLAY_NOTICE_DATE.get(task)),
                  "nähtäville asettamisen kuulutus"),
              new Entered(
                  Vars.REDISPLAY_LETTERS_DATE,
                  DateKind.ACT_DONE,
                  Vars.REDISPLAY_DECISION_DATE.get(task),
                  "päätös asettaa nähtäville"));
      case Elements.PROPOSAL_AUTHORITIES_MEETING ->
          List.of(
              new Entered(
                  Vars.PROPOSAL_MEETING_DATE,
                  DateKind.ACT_DONE,
                  displayed(plan),
                  "ehdotuksen nähtäville asettaminen"),
              new Entered(
                  Vars.MEETING_HEARD_ON,
                  DateKind.ACT_DONE,
                  Vars.PROPOSAL_MEETING_DATE.get(task),
                  "neuvottelu"));
      case Elements.BOARD_PROPOSAL ->
          List.of(
              new Entered(
                  Vars.BOARD_PROPOSAL_DATE,
                  DateKind.ACT_DONE,
                  plan.displayEndsOn(),
                  "ehdotuksen nähtävilläolon viimeinen päivä"));
      case Elements.LEGALITY_CHECK ->
          List.of(
              new Entered(
                  Vars.LEGALITY_CHECK_DATE,
                  DateKind.ACT_DONE,
                  legalDate(plan, ZoningStage.APPROVED),
                  "hyväksymispäätös"));
      case Elements.PUBLISH_NOTICE ->
          List.of(
              new Entered(
                  Vars.NOTICE_DATE,
                  DateKind.PERIOD_START,
                  legalDate(plan, ZoningStage.APPROVED),
                  "hyväksymispäätös"),
              new Entered(
                  Vars.ELINVOIMAKESKUS_NOTIFIED_ON,
                  DateKind.ACT_DONE,
                  legalDate(plan, ZoningStage.APPROVED),
                  "hyväksymispäätös"));
      case Elements.ANSWER_RECTIFICATION ->
          List.of(
              new Entered(
                  Vars.RECTIFICATION_ANSWER_DATE,
                  DateKind.ACT_DONE,
                  legalDate(plan, ZoningStage.RECTIFICATION_REQUESTED),
                  "oikaisukehotus"),
              new Entered(
                  Vars.RECTIFICATION_ANSWER_SERVED_ON,
                  DateKind.ACT_DONE,
                  Vars.RECTIFICATION_ANSWER_DATE.get(task),
                  "vastaus"));
      case Elements.INFORM_COURT_OF_REVOCATION ->
          List.of(
              new Entered(
                  Vars.COURT_INFORMED_ON,
                  DateKind.ACT_DONE,
                  Vars.RECTIFICATION_ANSWER_DATE.get(task),
                  "päätöksen kumoaminen"));
      case Elements.ENTRY_INTO_FORCE_NOTICE ->
          List.of(
              new Entered(
                  Vars.ENTRY_INTO_FORCE_DATE,
                  DateKind.PERIOD_START,
                  legalDate(plan, ZoningStage.LEGALLY_BINDING),
                  "lainvoimaisuus"));
      default -> List.of();
    };
  }

  /** The first day of the proposal's latest display. */
  private static LocalDate displayed(ZoningPlanView plan) {
    return latest(
        legalDate(plan, ZoningStage.PROPOSAL), legalDate(plan, ZoningStage.REVISED_PROPOSAL));
  }

  private static LocalDate latest(LocalDate a, LocalDate b) {
    return a == null ? b : b == null || a.isAfter(b) ? a : b;
  }

  /** The legal date of the stage's latest entry on the record. */
  private static LocalDate legalDate(ZoningPlanView plan, ZoningStage stage) {
    return plan.stages().stream()
        .filter(s -> s.stage() == stage && s.legalDate() != null)
        .reduce((a, b) -> b)
        .map(ZoningPlanView.StageEntry::legalDate)
        .orElse(null);
  }

  private static String userId(DelegateTask task) {
    return EngineCaller.userId(task.getProcessEngineServices());
  }
}
