package fi.muutos.transfer;

import static fi.muutos.transfer.TransferProcess.Elements;
import static fi.muutos.transfer.TransferProcess.Vars;

import fi.muutos.platform.Cooperation;
import fi.muutos.platform.CourtEvents;
import fi.muutos.platform.Decision;
import fi.muutos.platform.TaskRules;
import fi.muutos.platform.TaskRules.Rule;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code #{transferTaskValidator}}: co-operation ends before the board's proposal, and lasts at
 * least 14 days when dismissals, lay-offs or part-timing are considered (laki yhteistoiminnasta
 * kunnassa ja hyvinvointialueella 449/2007); the other steps record what the law needs.
 */
@Component("transferTaskValidator")
class TransferTaskValidator implements TaskListener {

  private static final TaskRules RULES =
      new TaskRules(
          TaskRules.merge(
              Decision.councilSteps(
                  Elements.RECORD_DECISION, Elements.LEGALITY_CHECK, Elements.PUBLISH_DECISION),
              Cooperation.steps(Elements.COOPERATION, Elements.BOARD_PROPOSAL),
              Map.ofEntries(
                  Map.entry(Elements.OPTIONS, List.of(Rule.text(Vars.OPTIONS_SUMMARY))),
                  Map.entry(
                      Elements.IN_HOUSE_CHECK,
                      List.of(
                          Rule.text(Vars.CONTROL_BASIS),
                          Rule.yesNo(Vars.CONTROL_REPRESENTED),
                          Rule.yesNo(Vars.CONTROL_DECISIVE),
                          Rule.yesNo(Vars.CONTROL_NO_CONTRARY_INTERESTS),
                          Rule.yesNo(Vars.PRIVATE_CAPITAL))),
                  Map.entry(
                      Elements.NOT_IN_HOUSE,
                      List.of(Rule.oneOf(Vars.NOT_IN_HOUSE_PATH, "PROCUREMENT", "ABANDON"))),
                  Map.entry(
                      Elements.FOUND_COMPANY,
                      List.of(
                          Rule.date(Vars.SIGNED_ON),
                          Rule.text(Vars.BOARD_MEMBERS),
                          Rule.count(Vars.BOARD_WOMEN),
                          Rule.count(Vars.BOARD_MEN),
                          Rule.confirmed(Vars.GROUP_INSTRUCTION))),
                  Map.entry(
                      Elements.FILE_REGISTRATION, List.of(Rule.date(Vars.REGISTRATION_FILED_ON))),
                  Map.entry(Elements.CHECK_APPEALS, CourtEvents.checkRules()),
                  Map.entry(
                      Elements.JOIN_COMPANY,
                      List.of(
                          Rule.dateNotBefore(Vars.SHARE_AGREEMENT_DATE, Vars.LEGALITY_CHECK_DATE),
                          Rule.confirmed(Vars.JOINED_GROUP_INSTRUCTION))),
                  Map.entry(
                      Elements.JOINING_AGREEMENT,
                      List.of(
                          Rule.dateNotBefore(Vars.AGREEMENT_SIGNED_ON, Vars.LEGALITY_CHECK_DATE),
                          Rule.text(Vars.JOINING_TERMS))),
                  Map.entry(Elements.AGREEMENTS, List.of(Rule.confirmed(Vars.MARKET_TERMS))),
                  Map.entry(
                      Elements.PENSION, List.of(Rule.oneOf(Vars.PENSION_SCHEME, "KEVA", "TYEL"))),
                  Map.entry(
                      Elements.STAFF_TRANSFER,
                      List.of(
                          Rule.count(Vars.EMPLOYEE_COUNT),
                          Rule.count(Vars.OFFICE_HOLDER_COUNT),
                          Rule.text(Vars.STAFF_LIST_REFERENCE),
                          Rule.date(Vars.STAFF_NOTIFIED_ON),
                          Rule.confirmed(Vars.LIABILITIES_AGREED),
                          Rule.text(Vars.COLLECTIVE_AGREEMENT))),
                  Map.entry(
                      Elements.INFORM_REPRESENTATIVES,
                      List.of(
                          Rule.date(Vars.INFORMED_ON), Rule.confirmed(Vars.RECIPIENT_INFORMED))))));

  private final Transfers transfers;
  private final CompanyFoundings foundings;

  private final TransferCourts courts;

  TransferTaskValidator(Transfers transfers, CompanyFoundings foundings, TransferCourts courts) {
    this.courts = courts;
    this.transfers = transfers;
    this.foundings = foundings;
  }

  @Override
  public void notify(DelegateTask task) {
    RULES.check(task);
    String step = task.getTaskDefinitionKey();
    if (Elements.BRANCHES.contains(step)) {
      courts.requireEnforceable(Vars.TRANSFER_ID.require(task));
    }
    CourtEvents.found(task).ifPresent(f -> courts.appealFound(Vars.TRANSFER_ID.require(task), f));
    if (Elements.LEGALITY_CHECK.equals(step)
        && "LAWFUL".equals(Vars.LEGALITY_CHECK_RESULT.get(task))) {
      String reason = Vars.EARLY_ENFORCEMENT_REASON.get(task);
      if (reason == null || reason.isBlank()) {
        throw new fi.muutos.platform.DomainException(
            fi.muutos.platform.DomainException.Kind.INVALID,
            "invalid-task-values",
            "Tehtävää "
                + task.getName()
                + " ei voi merkitä valmiiksi: earlyEnforcementReason puuttuu: siirto pannaan"
                + " täytäntöön ennen kuin päätös on lainvoimainen, joten kirjaa, miksi se ei tee"
                + " valitusta hyödyttömäksi (kuntalaki 143 §).");
      }
      courts.earlyEnforcement(Vars.TRANSFER_ID.require(task), reason);
    }
    Cooperation.checkReductions(task, Elements.COOPERATION);
    if (Elements.PENSION.equals(step)) {
      foundings.checkPension(
          Vars.TRANSFER_ID.require(task),
          Vars.PENSION_SCHEME.get(task),
          Vars.KEVA_CONDITIONS.get(task));
    }
    if (Elements.STAFF_TRANSFER.equals(step)) {
      transfers.checkStaff(
          Vars.EMPLOYEE_COUNT.get(task),
          Vars.OFFICE_HOLDER_COUNT.get(task),
          Vars.OFFICES_DECISION.get(task));
    }
  }
}
