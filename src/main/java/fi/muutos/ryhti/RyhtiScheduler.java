package fi.muutos.ryhti;

import fi.muutos.platform.QueueWorker;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Sends the queued messages every {@code muutos.ryhti.poll-interval}, on every node (the claims
 * decide who sends what; a work queue, ADR 0055). Only with {@code muutos.ryhti.enabled=true}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "muutos.ryhti.enabled", havingValue = "true")
class RyhtiScheduler {

  /** The queued messages, sent by whichever node claims each first (the one queue timer). */
  @Bean
  QueueWorker ryhtiWorker(RyhtiDelivery delivery, RyhtiSettings settings) {
    return QueueWorker.of(
        "Ryhti-toimitukset", settings.pollInterval(), () -> delivery.deliverDue().delivered());
  }
}
