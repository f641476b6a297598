package fi.muutos.organisation;

import static fi.muutos.organisation.ReformProcess.Elements;
import static fi.muutos.organisation.ReformProcess.Vars;

import fi.muutos.platform.Decision;
import fi.muutos.platform.TaskRules;
import fi.muutos.platform.TaskRules.Rule;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code #{reformTaskValidator}} on the reform's user tasks. Co-operation with staff must be
 * finished before the board's proposal (laki 449/2007; yhteistoimintalaki 1333/2021).
 */
@Component("reformTaskValidator")
class ReformTaskValidator implements TaskListener {

  private static final TaskRules RULES =
      new TaskRules(
          Map.of(
              Elements.DRAFT, List.of(Rule.text(Vars.DRAFT_REFERENCE)),
              Elements.COOPERATION,
                  List.of(
                      Rule.date(Vars.COOPERATION_START),
                      Rule.dateNotBefore(Vars.COOPERATION_END, Vars.COOPERATION_START),
                      Rule.text(Vars.COOPERATION_MINUTES)),
              Elements.BOARD_PROPOSAL,
                  List.of(Rule.dateNotBefore(Vars.BOARD_DATE, Vars.COOPERATION_END)),
              Elements.RECORD_DECISION, Decision.rules(),
              Elements.PUBLISH_DECISION, List.of(Rule.date(Vars.NOTICE_DATE)),
              Elements.ELECT_COMMITTEE,
                  List.of(Rule.text(Vars.MEMBERS), Rule.count(Vars.WOMEN), Rule.count(Vars.MEN)),
              Elements.FOLLOW_UP, List.of(Rule.text(Vars.REVIEW_SUMMARY))));

  @Override
  public void notify(DelegateTask task) {
    RULES.check(task);
  }
}
