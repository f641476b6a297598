package fi.muutos.zoning;

import fi.muutos.cases.Cases;
import fi.muutos.cases.StageEntry;
import fi.muutos.platform.DomainException;
import fi.muutos.platform.DomainException.Kind;
import fi.muutos.platform.ProcessVariable;
import fi.muutos.platform.WorkingDays;
import fi.muutos.zoning.ZoningPlanRepository.PlanRow;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The plan on display (nähtävilläolo, AKL 62 §, 65 §): the draft, the proposal and its redisplays
 * with their periods from the working-day calendar, the statements requested for each round and how
 * they arrived, and the reminders (muistutukset) filed during a display. Called by the process's
 * delegates and the filings' judge, in the engine's transaction.
 */
@Service
public class ZoningDisplays {

  private final ZoningPlanRepository repository;
  private final Cases cases;
  private final WorkingDays workingDays;

  ZoningDisplays(ZoningPlanRepository repository, Cases cases, WorkingDays workingDays) {
    this.repository = repository;
    this.cases = cases;
    this.workingDays = workingDays;
  }

  /**
   * The draft went on display: the date is the legal date of the plan's drafting stage (03); its
   * last day, when the planner gave it, is kept with it (display round 0).
   */
  @Transactional
  public void draftDisplayed(long planId, LocalDate displayStart, LocalDate displayEnd) {
    String businessKey = repository.require(planId).businessKey();
    if (displayEnd != null && displayEnd.isBefore(displayStart)) {
      throw new DomainException(
          Kind.INVALID,
          "invalid-display",
          "Luonnoksen nähtävilläolo ei voi päättyä ("
              + displayEnd
              + ") ennen kuin se alkaa ("
              + displayStart
              + ").");
    }
    repository.displayPeriod(businessKey, 0, displayStart, displayEnd, null, null);
    cases.dateStage(ZoningPlanProcess.CASE, businessKey, ZoningStage.DRAFT, displayStart);
  }

  /** The plan's displays (draft 0, proposal 1, revised 2..), in order. */
  @Transactional(readOnly = true)
  public List<DisplayPeriod> displays(String businessKey) {
    return repository.displays(businessKey);
  }

  /**
   * A display of the plan: its round (0 the draft), first and last day, and the decision that put
   * it on display, where one was recorded.
   */
  public record DisplayPeriod(
      int round, LocalDate startsOn, LocalDate endsOn, LocalDate decidedOn, String decidedBy) {}

  /**
   * A display round that started: its number, the moment its period is over, and each requested
   * statement's deadline (authority → the moment its period is over).
   */
  public record Display(int round, OffsetDateTime endsAt, Map<String, String> statementDeadlines) {
    /** The authorities whose statements are requested, in the order given. */
    public List<String> authorities() {
      return List.copyOf(statementDeadlines.keySet());
    }
  }

  /**
   * Starts a (re)display of the proposal for the full period ({@code days}, from the DMN table).
   * The first round starts on {@code firstStart} and is the proposal (Ryhti 04); a later round is
   * the revised proposal (05), starts on {@code redisplayStart}, and not before the previous round
   * has ended (AKL 65 §, MRA 32 §: a changed proposal is displayed anew, the period in full).
   */
  @Transactional
  public Display startProposalDisplay(
      long planId,
      ProcessVariable<LocalDate> startVariable,
      LocalDate start,
      int days,
      String activityId,
      List<String> statementRequests,
      LocalDate decidedOn,
      String decidedBy) {
    PlanRow plan = repository.require(planId);
    int round = plan.displayRound() + 1;
    if (start == null) {
      throw new DomainException(
          Kind.INVALID, "invalid-display", startVariable.name() + " puuttuu (is required)");
    }
    if (round > 1 && !start.isAfter(plan.displayEndsOn())) {
      throw new DomainException(
          Kind.INVALID,
          "invalid-display",
          "Muutettu ehdotus voi tulla nähtäville aikaisintaan edellisen nähtävilläolon "
              + "päätyttyä "
              + plan.displayEndsOn()
              + " ("
              + startVariable.name()
              + " "
              + start
              + "; AKL 65 §, MRA 32 §).");
    }
    LocalDate lastDay = workingDays.periodEnd(start, days);
    Map<String, LocalDate> dueDates = statementDueDates(statementRequests, start, lastDay);
    repository.display(planId, round, lastDay);
    repository.displayPeriod(plan.businessKey(), round, start, lastDay, decidedOn, decidedBy);
    Map<String, String> deadlines = new LinkedHashMap<>();
    dueDates.forEach(
        (authority, due) -> {
          repository.requestStatement(plan.businessKey(), round, authority, due);
          deadlines.put(authority, workingDays.endOf(due).toString());
        });
    cases.enter(
        ZoningPlanProcess.CASE,
        plan.businessKey(),
        round == 1 ? ZoningStage.PROPOSAL : ZoningStage.REVISED_PROPOSAL,
        null,
        start,
        activityId);
    return new Display(round, workingDays.endOf(lastDay), deadlines);
  }

  /**
   * The statement requests of a display round: "authority" (its statement is due on the display's
   * last day) or "authority=YYYY-MM-DD" (a period of its own, not ending before the display
   * starts). Each authority once.
   */
  static Map<String, LocalDate> statementDueDates(
      List<String> requests, LocalDate displayStart, LocalDate displayLastDay) {
    Map<String, LocalDate> due = new LinkedHashMap<>();
    for (String request : requests == null ? List.<String>of() : requests) {
      int at = request.lastIndexOf('=');
      String authority = requestedBody(request);
      LocalDate date;
      try {
        date = at < 0 ? displayLastDay : LocalDate.parse(request.substring(at + 1).strip());
      } catch (DateTimeParseException e) {
        throw new DomainException(
            Kind.INVALID,
            "invalid-display",
            "Lausuntopyynnön '" + request + "' määräaika ei ole päivämäärä VVVV-KK-PP.");
      }
      if (authority.isEmpty() || authority.length() > 400) {
        throw new DomainException(
            Kind.INVALID, "invalid-display", "Lausuntopyynnöltä '" + request + "' puuttuu taho.");
      }
      if (date.isBefore(displayStart)) {
        throw new DomainException(
            Kind.INVALID,
            "invalid-display",
            "Lausunnon määräaika "
                + date
                + " ("
                + authority
                + ") on ennen nähtävilläolon alkua "
                + displayStart
                + ".");
      }
      if (due.putIfAbsent(authority, date) != null) {
        throw new DomainException(
            Kind.INVALID,
            "invalid-display",
            "Lausuntoa pyydetään samalta taholta kahdesti: " + authority + ".");
      }
    }
    return due;
  }

  /**
   * The display's length: the decision table's minimum (30 or 14 days), or the longer one the
   * planner chose (AKL 65 §, MRA 27 §: "vähintään").
   */
  static int displayDays(org.camunda.bpm.engine.delegate.VariableScope scope) {
    int minimum = ZoningPlanProcess.Vars.DISPLAY_DAYS.require(scope);
    Integer chosen = ZoningPlanProcess.Vars.PROPOSAL_DISPLAY_DAYS.get(scope);
    return chosen == null ? minimum : Math.max(minimum, chosen);
  }

  /** The last day of a display of {@code days} days from {@code start}, to a working day. */
  public LocalDate lastDay(LocalDate start, int days) {
    return workingDays.periodEnd(start, days);
  }

  /** The body a statement request ("body" or "body=YYYY-MM-DD") names. */
  static String requestedBody(String request) {
    int at = request.lastIndexOf('=');
    return (at < 0 ? request : request.substring(0, at)).strip();
  }

  /** A requested statement arrived while its branch waited for it. */
  @Transactional
  public void statementReceived(long planId, String authority, LocalDate receivedOn) {
    PlanRow plan = repository.require(planId);
    repository.statementReceived(plan.businessKey(), plan.displayRound(), authority, receivedOn);
  }

  /**
   * A statement that arrived when no branch waited for it any more: a requested one is judged by
   * its date against its own period (late only when dated after it); one from an authority nobody
   * asked is recorded as unrequested, never late. Either is shown to the planner, never lost.
   */
  @Transactional
  public void lateStatement(long planId, String authority, LocalDate receivedOn) {
    PlanRow plan = repository.require(planId);
    String who = authority == null || authority.isBlank() ? "(tuntematon)" : authority.strip();
    if (!repository.lateStatement(plan.businessKey(), who, receivedOn)) {
      repository.unrequestedStatement(
          plan.businessKey(), Math.max(plan.displayRound(), 0), who, receivedOn);
    }
  }

  /**
   * A reminder (muistutus) filed on {@code filedOn}: counted when the proposal was on display that
   * day (AKL 65 §: from the latest display's first day to its last); otherwise kept as a late
   * submission, shown to the planner and not counted. Returns whether it counted as a reminder.
   */
  @Transactional
  public boolean recordReminder(long planId, LocalDate filedOn) {
    PlanRow plan = repository.require(planId);
    // the latest display, whatever stage the plan is in now: a muistutus that reached the plan
    // after its display is judged by the day it was filed (ADR 0052)
    LocalDate displayStart =
        cases.stages(ZoningPlanProcess.CASE, plan.businessKey()).stream()
            .filter(
                s ->
                    (s.stage() == ZoningStage.PROPOSAL || s.stage() == ZoningStage.REVISED_PROPOSAL)
                        && s.legalDate() != null)
            .reduce((a, b) -> b)
            .map(StageEntry::legalDate)
            .orElse(null);
    boolean duringDisplay =
        displayStart != null
            && filedOn != null
            && !filedOn.isBefore(displayStart)
            && !filedOn.isAfter(plan.displayEndsOn());
    if (duringDisplay) {
      repository.addReminder(planId);
    } else {
      repository.addLateSubmission(planId);
    }
    return duringDisplay;
  }
}
