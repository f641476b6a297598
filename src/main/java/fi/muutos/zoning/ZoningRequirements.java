package fi.muutos.zoning;

import static fi.muutos.zoning.ZoningPlanProcess.Elements;
import static fi.muutos.zoning.ZoningPlanProcess.Vars;

import fi.muutos.platform.FormLabels;
import fi.muutos.platform.ProcessVariable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * What a zoning task requires beyond its form's own rules and its legal dates, by the plan's kind
 * and the answers given on the task: a minor change's opinions with its initiation (MRA 30 §), the
 * replies' day (AKL 65 §), whom and when a change was heard instead of a redisplay (MRA 32 §), the
 * letters to landowners living elsewhere (MRA 19 §, 27 §). Each problem is one Finnish sentence.
 */
final class ZoningRequirements {

  private ZoningRequirements() {}

  /** What the plan's kind requires on a task beyond its form's own rules. */
  static List<String> of(DelegateTask task, ZoningPlanView plan) {
    List<String> problems = new ArrayList<>();
    String key = task.getTaskDefinitionKey();
    if (Elements.ANNOUNCE_INITIATION.equals(key)
        && plan.type() == PlanType.MINOR_DETAILED_PLAN_CHANGE) {
      if (Vars.INITIATION_OPINIONS_UNTIL.get(task) == null) {
        problems.add(
            FormLabels.field(task, "initiationOpinionsUntil")
                + " puuttuu: vähäisen muutoksen mielipiteet pyydetään"
                + " vireilletulon yhteydessä (MRA 30 §)");
      }
      String summary = Vars.INITIATION_OPINION_SUMMARY.get(task);
      if (summary == null || summary.isBlank()) {
        problems.add(
            FormLabels.field(task, "initiationOpinionSummary")
                + " puuttuu (yhteenveto mielipiteistä, MRA 30 §)");
      }
    }
    if (Elements.REPLY_TO_REMINDERS.equals(key)
        && "SENT".equals(Vars.REMINDER_REPLIES_SENT.get(task))
        && Vars.REMINDER_REPLIES_SENT_ON.get(task) == null) {
      problems.add(
          FormLabels.field(task, "reminderRepliesSentOn")
              + " puuttuu: kirjaa päivä, jona perustellut kannanotot lähetettiin"
              + " niitä pyytäneille muistuttajille (AKL 65 §)");
    }
    if (Elements.REPLY_TO_REMINDERS.equals(key)) {
      heard(
          task,
          problems,
          Vars.PROPOSAL_CHANGES.get(task),
          Vars.CHANGES_HEARD_PARTIES.get(task),
          Vars.CHANGES_HEARD_ON.get(task),
          "changesHeardParties",
          "changesHeardOn");
    }
    if (Elements.PROPOSAL_AUTHORITIES_MEETING.equals(key)) {
      heard(
          task,
          problems,
          Vars.MEETING_CHANGES.get(task),
          Vars.MEETING_HEARD_PARTIES.get(task),
          Vars.MEETING_HEARD_ON.get(task),
          "meetingHeardParties",
          "meetingHeardOn");
    }
    Integer chosen = Vars.PROPOSAL_DISPLAY_DAYS.get(task);
    Integer minimum = Vars.DISPLAY_DAYS.get(task);
    if (Elements.PREPARE_PROPOSAL.equals(key)
        && chosen != null
        && minimum != null
        && chosen < minimum) {
      problems.add(
          FormLabels.field(task, "proposalDisplayDays")
              + " "
              + chosen
              + ": ehdotus on nähtävillä vähintään "
              + minimum
              + " päivää (AKL 65 §, MRA 27 §)");
    }
    if (Elements.PREPARE_PROPOSAL.equals(key)) {
      letters(
          task,
          problems,
          plan.type(),
          Vars.LANDOWNER_LETTERS_DATE,
          Vars.LANDOWNER_LETTERS_NOT_NEEDED.get(task),
          Vars.LANDOWNER_LETTERS_DATE.get(task),
          Vars.PROPOSAL_DISPLAY_START.get(task));
    }
    if (Elements.DECIDE_REDISPLAY.equals(key)) {
      letters(
          task,
          problems,
          plan.type(),
          Vars.REDISPLAY_LETTERS_DATE,
          Vars.REDISPLAY_LETTERS_NOT_NEEDED.get(task),
          Vars.REDISPLAY_LETTERS_DATE.get(task),
          Vars.REDISPLAY_START.get(task));
    }
    return problems;
  }

  /**
   * The letters to landowners living elsewhere: sent (a master plan's at least 7 days before the
   * display, MRA 19 §; a detailed plan's before it, MRA 27 §), or why none were needed (the owners
   * accepted the proposal, a master plan that does not direct building, no such owners).
   */
  private static void letters(
      DelegateTask task,
      List<String> problems,
      PlanType type,
      ProcessVariable<LocalDate> variable,
      String notNeeded,
      LocalDate sent,
      LocalDate start) {
    if (sent == null) {
      if (notNeeded == null || notNeeded.isBlank()) {
        problems.add(
            FormLabels.field(task, variable.name())
                + " puuttuu: kaavaehdotuksesta ilmoitetaan kirjeellä muualla asuville"
                + " maanomistajille (MRA 19 §, 27 §), tai kirjaa, miksi kirjeitä ei tarvittu");
      }
      return;
    }
    int daysBefore = type == PlanType.MASTER_PLAN ? 7 : 0;
    if (start != null && sent.isAfter(start.minusDays(daysBefore))) {
      problems.add(
          FormLabels.field(task, variable.name())
              + " "
              + FormLabels.date(sent)
              + (daysBefore > 0
                  ? " on alle 7 päivää ennen nähtävilläolon alkua "
                      + FormLabels.date(start)
                      + " (MRA 19 §)"
                  : " on nähtävilläolon alun " + FormLabels.date(start) + " jälkeen (MRA 27 §)"));
    }
  }

  /** MRA 32 §: those concerned were heard instead of a redisplay: whom and when. */
  private static void heard(
      DelegateTask task,
      List<String> problems,
      String answer,
      String parties,
      LocalDate on,
      String partiesName,
      String onName) {
    if (!"HEARD".equals(answer)) {
      return;
    }
    if (parties == null || parties.isBlank()) {
      problems.add(
          FormLabels.field(task, partiesName)
              + " puuttuu: kirjaa, keitä asianosaisia kuultiin (MRA 32 §)");
    }
    if (on == null) {
      problems.add(
          FormLabels.field(task, onName)
              + " puuttuu: kirjaa, milloin asianosaisia kuultiin (MRA 32 §)");
    }
  }
}
