package fi.muutos.notifications;

import fi.muutos.platform.QueueWorker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the digest and warnings each working morning ({@code muutos.notifications.digest-cron}) and
 * sends what is recorded every {@code muutos.notifications.retry.poll-interval} (a work queue, ADR
 * 0055), on every node: the ledger's unique keys and claims decide what is sent, once. Off with
 * {@code muutos.notifications.enabled=false}.
 */
@Configuration
@EnableScheduling
@ConditionalOnProperty(
    name = "muutos.notifications.enabled",
    havingValue = "true",
    matchIfMissing = true)
class NotificationScheduler {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationScheduler.class);

  private final Notifications notifications;
  private final NotificationSender sender;

  NotificationScheduler(Notifications notifications, NotificationSender sender) {
    this.notifications = notifications;
    this.sender = sender;
  }

  @Scheduled(
      cron = "${muutos.notifications.digest-cron:0 0 7 * * MON-FRI}",
      zone = "Europe/Helsinki")
  void morning() {
    Notifications.Run run = notifications.runToday();
    LOG.info(
        "Muistutukset {}: {} koostetta, {} varoitusta", run.day(), run.digests(), run.warnings());
    sender.sendDue();
  }

  /** The recorded mails, sent by whichever node claims each first (the one queue timer). */
  @Bean
  QueueWorker mailWorker(NotificationSender sender, NotificationSettings settings) {
    return QueueWorker.of("muistutukset", settings.retry().pollInterval(), sender::sendDue);
  }
}
