package fi.muutos.zoning.ryhti;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Sends the queued messages every {@code muutos.ryhti.poll-interval}, on every node (the claims
 * decide who sends what). Only with {@code muutos.ryhti.enabled=true}.
 */
@Configuration
@EnableScheduling
@ConditionalOnProperty(name = "muutos.ryhti.enabled", havingValue = "true")
class RyhtiScheduler {

  private static final Logger LOG = LoggerFactory.getLogger(RyhtiScheduler.class);

  private final RyhtiDelivery delivery;

  RyhtiScheduler(RyhtiDelivery delivery) {
    this.delivery = delivery;
  }

  @Scheduled(
      fixedDelayString = "${muutos.ryhti.poll-interval:PT10S}",
      initialDelayString = "${muutos.ryhti.poll-interval:PT10S}")
  void deliver() {
    try {
      delivery.deliverDue();
    } catch (RuntimeException e) {
      LOG.warn(
          "Ryhti-toimitus epäonnistui; seuraava kierros yrittää uudelleen: {}", e.getMessage());
    }
  }
}
