package fi.muutos.meetings;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Polls the enabled meeting systems whose turn it is, on every node (a poll is one node's at a
 * time: {@code mu_meeting_source}'s claim). Off with {@code muutos.meetings.scheduler=false} (the
 * tests poll themselves) or when no adapter is on.
 */
@Component
@ConditionalOnExpression(
    "${muutos.meetings.scheduler:true} and ${muutos.meetings.dynasty.enabled:false}")
class MeetingPoller {

  private final MeetingDecisions decisions;

  MeetingPoller(MeetingDecisions decisions) {
    this.decisions = decisions;
  }

  @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT30S")
  void poll() {
    decisions.pollDue();
  }
}
