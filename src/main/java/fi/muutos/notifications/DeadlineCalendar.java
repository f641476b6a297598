package fi.muutos.notifications;

import fi.muutos.platform.DomainException;
import fi.muutos.platform.DomainException.Kind;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's deadline calendar: an iCalendar feed (RFC 5545, written with ical4j) of the legal
 * deadlines of their tasks and their groups' open tasks, each an all-day event with the case, the
 * basis and the link. Calendar clients cannot sign in, so the feed's address holds a personal
 * token, created and revoked by the person.
 */
@Service
public class DeadlineCalendar {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Deadlines deadlines;
  private final NotificationRepository repository;
  private final NotificationSettings settings;
  private final Clock clock;

  DeadlineCalendar(
      Deadlines deadlines,
      NotificationRepository repository,
      NotificationSettings settings,
      Clock clock) {
    this.deadlines = deadlines;
    this.repository = repository;
    this.settings = settings;
    this.clock = clock;
  }

  /** The person's feed address, if they have one. */
  public record Feed(String url) {}

  @Transactional(readOnly = true)
  public java.util.Optional<Feed> feedOf(String userId) {
    return repository.tokenOf(userId).map(this::feed);
  }

  /** A new token (an earlier one stops working). */
  @Transactional
  public Feed newFeed(String userId) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    repository.replaceToken(
        userId, token, OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS));
    return feed(token);
  }

  /** Revokes the person's token: the feed answers 404. */
  @Transactional
  public void revoke(String userId) {
    repository.revokeToken(userId);
  }

  /** The feed of the token's person; an unknown or revoked token is a 404. */
  @Transactional(readOnly = true)
  public String calendar(String token) {
    String userId =
        repository
            .userOfToken(token)
            .orElseThrow(
                () ->
                    new DomainException(
                        Kind.NOT_FOUND,
                        "calendar-not-found",
                        "Kalenteria ei ole (there is no such calendar)."));
    Calendar calendar = new Calendar();
    calendar.add(new ProdId("-//Muutos//Määräajat//FI"));
    calendar.add(ImmutableVersion.VERSION_2_0);
    calendar.add(ImmutableCalScale.GREGORIAN);
    calendar.add(ImmutableMethod.PUBLISH);
    for (Deadline deadline : deadlines.of(userId)) {
      VEvent event =
          new VEvent(
              deadline.due(),
              deadline.due().plusDays(1),
              deadline.task() + " – " + deadline.caseName());
      event.add(new Uid(deadline.taskId() + "@muutos"));
      event.add(
          new Description(
              (deadline.caseKey() == null ? "" : deadline.caseKey() + "\n")
                  + (deadline.basis() == null ? "" : "Peruste: " + deadline.basis() + "\n")
                  + deadline.link()));
      event.add(new Url(URI.create(deadline.link())));
      calendar.add(event);
    }
    return calendar.toString();
  }

  private Feed feed(String token) {
    return new Feed(settings.baseUrl() + "/calendar/" + token + ".ics");
  }
}
