package fi.muutos.notifications;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Reminders ({@code muutos.notifications.*}): when the digest runs, how far ahead it looks, when a
 * legal deadline warns, where the links point, and how a failed send is retried.
 */
@ConfigurationProperties("muutos.notifications")
record NotificationSettings(
    String digestCron,
    Integer horizonDays,
    Integer warnWorkingDays,
    String baseUrl,
    String from,
    Retry retry) {

  NotificationSettings {
    digestCron = digestCron == null ? "0 0 7 * * MON-FRI" : digestCron;
    horizonDays = horizonDays == null ? 7 : horizonDays;
    warnWorkingDays = warnWorkingDays == null ? 2 : warnWorkingDays;
    baseUrl = baseUrl == null ? "http://localhost:8080" : baseUrl.replaceAll("/+$", "");
    from = from == null ? "muistutukset@muutos.example" : from;
    retry = retry == null ? new Retry(null, null, null, null) : retry;
  }

  /** A failed send is retried with back-off, up to {@code maxAttempts}. */
  record Retry(Integer maxAttempts, Duration firstDelay, Duration maxDelay, Duration pollInterval) {
    Retry {
      maxAttempts = maxAttempts == null ? 8 : maxAttempts;
      firstDelay = firstDelay == null ? Duration.ofMinutes(1) : firstDelay;
      maxDelay = maxDelay == null ? Duration.ofHours(1) : maxDelay;
      pollInterval = pollInterval == null ? Duration.ofSeconds(30) : pollInterval;
    }
  }
}
