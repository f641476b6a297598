package fi.muutos.notifications;

import fi.muutos.platform.Backoff;
import fi.muutos.platform.RetryPolicy;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends the recorded mails: each is claimed by one node (a conditional update), sent, and marked
 * sent; a failed send is retried with back-off (doubling from {@code retry.first-delay} up to
 * {@code retry.max-delay}) and after {@code retry.max-attempts} stays FAILED for admins to see. A
 * mail a node that died had claimed is due again when the claim runs out (a work queue, ADR 0055).
 */
@Component
class NotificationSender {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationSender.class);
  private static final Duration CLAIM = Duration.ofMinutes(5);

  private final NotificationRepository repository;
  private final ObjectProvider<JavaMailSender> mail;
  private final NotificationSettings settings;
  private final Clock clock;
  private final RetryPolicy retry;

  NotificationSender(
      NotificationRepository repository,
      ObjectProvider<JavaMailSender> mail,
      NotificationSettings settings,
      Clock clock) {
    this.repository = repository;
    this.mail = mail;
    this.settings = settings;
    this.clock = clock;
    this.retry =
        RetryPolicy.atMost(
            new Backoff(settings.retry().firstDelay(), settings.retry().maxDelay()),
            settings.retry().maxAttempts());
  }

  /** Sends what is due; returns how many were sent now. */
  int sendDue() {
    JavaMailSender sender = mail.getIfAvailable();
    if (sender == null) {
      return 0;
    }
    OffsetDateTime now = now();
    int sent = 0;
    for (long id : repository.due(now, 100)) {
      if (!repository.claim(id, now, now.plus(CLAIM))) {
        continue; // another node has it
      }
      NotificationRepository.Row row = repository.find(id).orElseThrow();
      try {
        sender.send(message(sender, row));
        repository.sent(id, now());
        sent++;
      } catch (MailException | MessagingException e) {
        OffsetDateTime next = retry.next(row.attempts(), now(), null).orElse(null);
        repository.failed(id, String.valueOf(e.getMessage()), next);
        LOG.warn(
            "Muistutus {} (vastaanottaja {}) epäonnistui, yritys {}: {}",
            id,
            row.recipient(),
            row.attempts(),
            e.getMessage());
      }
    }
    return sent;
  }

  private MimeMessage message(JavaMailSender sender, NotificationRepository.Row row)
      throws MessagingException {
    MimeMessage message = sender.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
    helper.setFrom(settings.from());
    helper.setTo(row.email());
    helper.setSubject(row.mailSubject());
    helper.setText(row.bodyText(), row.bodyHtml());
    return message;
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
  }
}
