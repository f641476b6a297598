package fi.muutos.events;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Looks for due pending events every {@code muutos.events.retry.poll-interval} on every node. The
 * timer only decides when to look: which node handles an event is decided by the database claim, so
 * several nodes never handle the same event, and a node that stops leaves nothing behind. Off with
 * {@code muutos.events.retry.enabled=false} (tests drive {@link EventInbox#retryDue()}).
 */
@Configuration
@EnableScheduling
@ConditionalOnProperty(
    name = "muutos.events.retry.enabled",
    havingValue = "true",
    matchIfMissing = true)
class InboxRetryScheduler {

  private static final Logger LOG = LoggerFactory.getLogger(InboxRetryScheduler.class);

  private final EventInbox inbox;
  private final Outbox outbox;

  InboxRetryScheduler(EventInbox inbox, Outbox outbox) {
    this.inbox = inbox;
    this.outbox = outbox;
  }

  @Scheduled(
      fixedDelayString = "${muutos.events.retry.poll-interval:PT5S}",
      initialDelayString = "${muutos.events.retry.poll-interval:PT5S}")
  void poll() {
    try {
      inbox.retryDue();
      outbox.sequence();
    } catch (RuntimeException e) {
      LOG.warn("Event poll failed; next round will try again: {}", e.getMessage());
    }
  }
}
