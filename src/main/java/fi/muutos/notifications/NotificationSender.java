package fi.muutos.notifications;

import fi.muutos.platform.Backoff;
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
 * mail left claimed by a node that died goes back to be sent.
 */
@Component
class NotificationSender {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationSender.class);
  private static final Duration CLAIM = Duration.ofMinutes(5);

  private final NotificationRepository repository;
  private final ObjectProvider<JavaMailSender> mail;
  private final NotificationSettings settings;
  private final Clock clock;

  NotificationSender(
      NotificationRepository repository,
      ObjectProvider<JavaMailSender> mail,
      NotificationSettings settings,
      Clock clock) {
    this.repository = repository;
    this.mail = mail;
    this.settings = settings;
    this.clock = clock;
  }

  /** Sends what is due; returns how many were sent now. */
  int sendDue() {
    JavaMailSender sender = mail.getIfAvailable();
    if (sender == null) {
      return 0;
    }
    OffsetDateTime now = now();
    repository.release(now.minus(CLAIM));
    int sent = 0;
    for (NotificationRepository.Row row : repository.due(now, 100)) {
      if (!repository.claim(row.id(), row.attempts(), now.plus(CLAIM))) {
        continue; // another node has it
      }
      try {
        sender.send(message(sender, row));
        repository.sent(row.id(), now());
        sent++;
      } catch (MailException | MessagingException e) {
        int attempt = row.attempts() + 1;
        boolean giveUp = attempt >= settings.retry().maxAttempts();
        Duration delay =
            new Backoff(settings.retry().firstDelay(), settings.retry().maxDelay()).after(attempt);
        repository.failed(row.id(), String.valueOf(e.getMessage()), now().plus(delay), giveUp);
        LOG.warn(
            "Muistutus {} (vastaanottaja {}) epäonnistui, yritys {}: {}",
            row.id(),
            row.recipient(),
            attempt,
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
