package fi.muutos.zoning;

import static fi.muutos.zoning.ZoningPlanProcess.Elements;
import static fi.muutos.zoning.ZoningPlanProcess.Vars;

import fi.muutos.platform.Decision;
import fi.muutos.platform.TaskRules;
import fi.muutos.platform.TaskRules.Rule;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code #{zoningTaskValidator}} on every zoning user task's completion (see {@link TaskRules}).
 */
@Component("zoningTaskValidator")
class ZoningTaskValidator implements TaskListener {

  private static final TaskRules RULES =
      new TaskRules(
          Map.of(
              Elements.ANNOUNCE_INITIATION, List.of(Rule.date(Vars.ANNOUNCEMENT_DATE)),
              Elements.AUTHORITIES_MEETING, List.of(Rule.date(Vars.MEETING_DATE)),
              Elements.DISPLAY_DRAFT, List.of(Rule.date(Vars.DRAFT_DISPLAY_START)),
              Elements.PREPARE_PROPOSAL, List.of(Rule.date(Vars.PROPOSAL_DISPLAY_START)),
              Elements.REPLY_TO_REMINDERS, List.of(Rule.yesNo(Vars.SUBSTANTIAL_CHANGES)),
              Elements.DECIDE_REDISPLAY,
                  List.of(
                      Rule.date(Vars.REDISPLAY_DECISION_DATE),
                      Rule.dateNotBefore(Vars.REDISPLAY_START, Vars.REDISPLAY_DECISION_DATE)),
              Elements.RECORD_DECISION, Decision.rules(),
              Elements.PUBLISH_NOTICE, List.of(Rule.date(Vars.NOTICE_DATE)),
              Elements.CHECK_LEGAL_FORCE,
                  List.of(Rule.yesNo(Vars.APPEALS_LODGED), Rule.text(Vars.LEGAL_FORCE_CHECK)),
              Elements.ENTRY_INTO_FORCE_NOTICE, List.of(Rule.date(Vars.ENTRY_INTO_FORCE_DATE))));

  @Override
  public void notify(DelegateTask task) {
    RULES.check(task);
  }
}
