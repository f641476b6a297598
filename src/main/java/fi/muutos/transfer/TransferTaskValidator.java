package fi.muutos.transfer;

import static fi.muutos.transfer.TransferProcess.Elements;
import static fi.muutos.transfer.TransferProcess.Vars;

import fi.muutos.platform.Decision;
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
              Elements.OPTIONS, List.of(Rule.text(Vars.OPTIONS_SUMMARY)),
              Elements.COOPERATION,
                  List.of(
                      Rule.date(Vars.COOPERATION_START),
                      Rule.dateAtLeastDaysAfter(
                          Vars.COOPERATION_END, Vars.COOPERATION_START, MIN_COOPERATION_DAYS),
                      Rule.text(Vars.COOPERATION_MINUTES)),
              Elements.BOARD_PROPOSAL,
                  List.of(Rule.dateNotBefore(Vars.BOARD_DATE, Vars.COOPERATION_END)),
              Elements.RECORD_DECISION, Decision.rules(),
              Elements.FOUND_COMPANY, List.of(Rule.date(Vars.SIGNED_ON)),
              Elements.IN_HOUSE_CHECK, List.of(Rule.text(Vars.CONTROL_BASIS)),
              Elements.PENSION, List.of(Rule.oneOf(Vars.PENSION_SCHEME, "KEVA", "TYEL")),
              Elements.STAFF_TRANSFER,
                  List.of(Rule.count(Vars.STAFF_COUNT), Rule.text(Vars.COLLECTIVE_AGREEMENT)),
              Elements.INFORM_REPRESENTATIVES, List.of(Rule.date(Vars.INFORMED_ON))));

  @Override
  public void notify(DelegateTask task) {
    RULES.check(task);
  }
}
