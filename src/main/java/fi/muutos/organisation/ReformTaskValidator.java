package fi.muutos.organisation;

import static fi.muutos.organisation.ReformProcess.Elements;
import static fi.muutos.organisation.ReformProcess.Vars;

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
 * {@code #{reformTaskValidator}} on the reform's user tasks. Co-operation with staff must be
 * finished before the board's proposal (laki yhteistoiminnasta kunnassa ja hyvinvointialueella
 * 449/2007); no step that enforces the council's decision can be done under an enforcement ban.
 */
@Component("reformTaskValidator")
class ReformTaskValidator implements TaskListener {

  private static final TaskRules RULES =
      new TaskRules(
          TaskRules.merge(
              Decision.councilSteps(
                  Elements.RECORD_DECISION, Elements.LEGALITY_CHECK, Elements.PUBLISH_DECISION),
              Cooperation.steps(Elements.COOPERATION, Elements.BOARD_PROPOSAL),
              Map.ofEntries(
                  Map.entry(Elements.DRAFT, List.of(Rule.text(Vars.DRAFT_REFERENCE))),
                  Map.entry(Elements.CHECK_APPEALS, CourtEvents.checkRules()),
                  Map.entry(
                      Elements.ELECT_COMMITTEE,
                      List.of(
                          Rule.date(Vars.ELECTION_DATE),
                          Rule.text(Vars.MEMBERS),
                          Rule.count(Vars.WOMEN),
                          Rule.count(Vars.MEN),
                          Rule.count(Vars.DEPUTY_WOMEN),
                          Rule.count(Vars.DEPUTY_MEN),
                          Rule.text(Vars.CHAIR),
                          Rule.text(Vars.VICE_CHAIR))),
                  Map.entry(
                      Elements.DELEGATIONS,
                      List.of(
                          Rule.date(Vars.CONSTITUTED_ON),
                          Rule.dateNotBefore(Vars.DELEGATION_DATE, Vars.CONSTITUTED_ON))),
                  Map.entry(
                      Elements.BUDGET,
                      List.of(
                          Rule.text(Vars.BUDGET_BINDING_LEVELS),
                          Rule.date(Vars.BUDGET_DECISION_DATE))),
                  Map.entry(
                      Elements.TRANSITIONAL_RULES,
                      List.of(
                          Rule.confirmed(Vars.PENDING_MATTERS_TRANSFERRED),
                          Rule.confirmed(Vars.OLD_DELEGATIONS_HANDLED),
                          Rule.confirmed(Vars.SIGNING_RIGHTS_UPDATED),
                          Rule.confirmed(Vars.LAST_MEETINGS_HELD))),
                  Map.entry(Elements.FOLLOW_UP, List.of(Rule.text(Vars.REVIEW_SUMMARY))))));

  private final Reforms reforms;
  private final ReformAppeals appeals;

  ReformTaskValidator(Reforms reforms, ReformAppeals appeals) {
    this.appeals = appeals;
    this.reforms = reforms;
  }

  @Override
  public void notify(DelegateTask task) {
    RULES.check(task);
    Cooperation.checkReductions(task, Elements.COOPERATION);
    String step = task.getTaskDefinitionKey();
    CourtEvents.found(task).ifPresent(f -> appeals.appealFound(Vars.REFORM_ID.require(task), f));
    if (Elements.ENFORCEMENT.contains(step)) {
      long reformId = Vars.REFORM_ID.require(task);
      reforms.requireEnforceable(reformId);
      if (Elements.BUDGET.equals(step)) {
        reforms.checkBudgetDecision(reformId, Vars.BUDGET_DECISION_DATE.get(task));
      }
    }
  }
}
