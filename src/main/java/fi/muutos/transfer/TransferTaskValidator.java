package fi.muutos.transfer;

import static fi.muutos.transfer.TransferProcess.Elements;
import static fi.muutos.transfer.TransferProcess.Vars;

import fi.muutos.platform.TaskRules;
import fi.muutos.platform.TaskRules.Rule;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code #{transferTaskValidator}}: co-operation negotiations last at least 14 days where jobs are
 * affected and end before the board's proposal; the other steps record what the law needs.
 */
@Component("transferTaskValidator")
class TransferTaskValidator implements TaskListener {

  static final int MIN_COOPERATION_DAYS = 14;

  private static final TaskRules RULES =
      new TaskRules(
          Map.of(
              Elements.OPTIONS, List.of(Rule.text("optionsSummary")),
              Elements.COOPERATION,
                  List.of(
                      Rule.date(Vars.COOPERATION_START),
                      Rule.dateAtLeastDaysAfter(
                          Vars.COOPERATION_END, Vars.COOPERATION_START, MIN_COOPERATION_DAYS),
                      Rule.text("cooperationMinutes")),
              Elements.BOARD_PROPOSAL,
                  List.of(Rule.dateNotBefore(Vars.BOARD_DATE, Vars.COOPERATION_END)),
              Elements.RECORD_DECISION,
                  List.of(
                      Rule.text("decisionBody"),
                      Rule.date(Vars.DECISION_DATE),
                      Rule.oneOf(Vars.DECISION_OUTCOME, "APPROVED", "RETURNED", "REJECTED")),
              Elements.FOUND_COMPANY, List.of(Rule.date(Vars.SIGNED_ON)),
              Elements.IN_HOUSE_CHECK, List.of(Rule.text("controlBasis")),
              Elements.PENSION, List.of(Rule.oneOf("pensionScheme", "KEVA", "TYEL")),
              Elements.STAFF_TRANSFER,
                  List.of(Rule.count("staffCount"), Rule.text("collectiveAgreement")),
              Elements.INFORM_REPRESENTATIVES, List.of(Rule.date("informedOn"))));

  @Override
  public void notify(DelegateTask task) {
    RULES.check(task);
  }
}
