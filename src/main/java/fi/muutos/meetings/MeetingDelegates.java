package fi.muutos.meetings;

import fi.muutos.meetings.MeetingDecisionProcess.Vars;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The listeners of {@code processes/meetings/meeting-decision.bpmn}. */
@Configuration(proxyBeanMethods = false)
class MeetingDelegates {

  /**
   * {@code ${matchMeetingDecision}} (on completion): the registry's answer. "Ei koske Muutosta"
   * closes the item; otherwise the case, the outcome and the body it chose are checked and the
   * decision goes to the event inbox as the meeting system's (a refusal names what is wrong and the
   * task stays open).
   */
  @Bean
  TaskListener matchMeetingDecision(MeetingDecisions decisions) {
    return task -> {
      long item = Vars.ITEM_ID.require(task);
      if (Boolean.TRUE.equals(Vars.NOT_FOR_MUUTOS.get(task))) {
        decisions.ignore(item, task.getAssignee());
      } else {
        decisions.link(
            item,
            Vars.LINKED_CASE.get(task),
            Vars.CONFIRMED_OUTCOME.get(task),
            Vars.CONFIRMED_BODY.get(task),
            task.getAssignee());
      }
    };
  }
}
