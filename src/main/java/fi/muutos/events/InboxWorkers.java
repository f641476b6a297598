package fi.muutos.events;

import fi.muutos.platform.QueueWorker;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The events' work on this node, run by the one queue timer every {@code
 * muutos.events.retry.poll-interval}: the inbox's due events (tried by whichever node claims each
 * first) and the feed's positions for the events published since. Off with {@code
 * muutos.events.retry.enabled=false} (tests drive {@link EventInbox#retryDue()}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(
    name = "muutos.events.retry.enabled",
    havingValue = "true",
    matchIfMissing = true)
class InboxWorkers {

  @Bean
  QueueWorker inboxWorker(EventInbox inbox, EventSettings settings) {
    return QueueWorker.of("saapuvat tapahtumat", settings.retry().pollInterval(), inbox::retryDue);
  }

  @Bean
  QueueWorker feedWorker(Outbox outbox, EventSettings settings) {
    return QueueWorker.of(
        "tapahtumasyöte",
        settings.retry().pollInterval(),
        () -> {
          outbox.sequence();
          return 0;
        });
  }
}
