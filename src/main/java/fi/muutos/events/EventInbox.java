package fi.muutos.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.muutos.events.EventSettings.Route;
import fi.muutos.events.InboxRepository.Stored;
import fi.muutos.platform.DomainException;
import fi.muutos.platform.DomainException.Kind;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.jackson.JsonFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The event inbox. An inbound event is stored (and committed) before anything else happens, once
 * per (source, id); then it is correlated to the process that waits for it, in a transaction of its
 * own in which the process's step and the event's new status commit together. An event that no
 * process waits for yet stays pending and is retried with back-off until its horizon, then expires;
 * nothing is dropped silently. The correlation and its retries are {@link InboxCorrelation}'s.
 */
@Service
public class EventInbox {

  /** The longest event id and source the inbox stores. */
  static final int MAX_ID_LENGTH = 500;

  private final EventSettings settings;
  private final EventDataMapper mapper;
  private final InboxRepository repository;
  private final TransactionTemplate newTransaction;
  private final Clock clock;
  private final EventFormat format = new JsonFormat();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final FilingIntake intake;
  private final InboxCorrelation correlation;

  EventInbox(
      EventSettings settings,
      EventDataMapper mapper,
      InboxRepository repository,
      PlatformTransactionManager transactions,
      Clock clock,
      FilingIntake intake,
      InboxCorrelation correlation) {
    this.intake = intake;
    this.correlation = correlation;
    this.settings = settings;
    this.mapper = mapper;
    this.repository = repository;
    this.newTransaction = new TransactionTemplate(transactions);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  /**
   * Receives events (one, or a batch). All are checked first: if any is invalid for its type, none
   * is stored ({@link InvalidEventsException}). Then each is stored, or recognised as a repeat, and
   * each new one is correlated at once when a process waits for it.
   */
  public List<InboundEventView> receive(Account sender, List<CloudEvent> events) {
    checkSender(sender, events);
    List<String> problems = new ArrayList<>();
    List<Optional<Route>> routes = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      CloudEvent event = events.get(i);
      String where = events.size() == 1 ? "" : "event " + (i + 1) + ": ";
      if (event.getId().length() > MAX_ID_LENGTH
          || event.getSource().toString().length() > MAX_ID_LENGTH) {
        problems.add(where + "id and source may have at most " + MAX_ID_LENGTH + " characters");
      }
      Optional<Route> route = settings.route(event.getType());
      route
          .map(r -> mapper.map(event, r))
          .filter(m -> !m.valid())
          .ifPresent(m -> m.problems().forEach(p -> problems.add(where + p)));
      routes.add(route);
    }
    if (!problems.isEmpty()) {
      throw new InvalidEventsException(problems);
    }
    for (CloudEvent event : events) {
      refuseIfConflicting(sender, event);
    }
    List<InboundEventView> outcomes = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      outcomes.add(receive(sender, events.get(i), routes.get(i)));
    }
    return outcomes;
  }

  /** Who sends events: an account, and whether it is an administrator (who may send anything). */
  public record Account(String id, boolean admin) {}

  /**
   * An integration account sends only the sources and types configured for it ({@code
   * muutos.events.senders}); anything else is refused before anything is stored.
   */
  private void checkSender(Account sender, List<CloudEvent> events) {
    if (sender.admin()) {
      return;
    }
    EventSettings.Sender allowed = settings.senders().get(sender.id());
    for (CloudEvent event : events) {
      if (allowed == null || !allowed.may(event.getSource().toString(), event.getType())) {
        throw new DomainException(
            Kind.FORBIDDEN,
            "event-not-allowed",
            "Tunnus "
                + sender.id()
                + " ei saa lähettää tapahtumia "
                + event.getType()
                + " lähteestä "
                + event.getSource()
                + " (muutos.events.senders); mitään ei tallennettu (the account may not send"
                + " events of this type from this source; nothing was stored).");
      }
    }
  }

  /**
   * A repeat of a stored event must be the same event. One with other content is refused (409) and
   * kept for an administrator: a forged event sent first must not silently win.
   */
  private void refuseIfConflicting(Account sender, CloudEvent event) {
    var stored = repository.find(event.getSource().toString(), event.getId());
    if (stored.isPresent()) {
      String sent = new String(format.serialize(event), StandardCharsets.UTF_8);
      if (!sameContent(stored.get().cloudEvent(), sent)) {
        newTransaction.executeWithoutResult(
            tx ->
                repository.conflict(
                    UUID.randomUUID().toString(),
                    event.getSource().toString(),
                    event.getId(),
                    sender.id(),
                    sent,
                    now()));
        throw new DomainException(
            Kind.CONFLICT,
            "event-conflict",
            "Tapahtuma lähteestä "
                + event.getSource()
                + " tunnuksella "
                + event.getId()
                + " saatiin jo aiemmin toisella sisällöllä. Tätä ei hyväksytty; pääkäyttäjä"
                + " näkee sen osoitteessa /api/events/conflicts (an event with this source and id"
                + " was received before with other content).");
      }
    }
  }

  private static boolean sameContent(String stored, String sent) {
    try {
      return JSON.readTree(stored).equals(JSON.readTree(sent));
    } catch (IOException e) {
      return false;
    }
  }

  /** Events refused as conflicting repeats, newest first (administrators). */
  public List<EventConflictView> conflicts(int limit) {
    return repository.conflicts(Math.max(1, Math.min(limit, 500)));
  }

  private InboundEventView receive(Account sender, CloudEvent event, Optional<Route> route) {
    OffsetDateTime now = now();
    String id = UUID.randomUUID().toString();
    String status = route.isPresent() ? InboxRepository.RECEIVED : InboxRepository.REJECTED;
    String reason =
        route.isPresent()
            ? null
            : "Unknown event type "
                + event.getType()
                + ": no route is configured for it (muutos.events.routes).";
    try {
      newTransaction.executeWithoutResult(
          tx -> {
            repository.insert(
                id,
                event.getSource().toString(),
                event.getId(),
                event.getType(),
                event.getSubject(),
                event.getTime(),
                new String(format.serialize(event), StandardCharsets.UTF_8),
                route.map(Route::message).orElse(null),
                status,
                reason,
                now,
                now.plus(settings.horizon()),
                route.isPresent() ? now.plus(settings.retry().claim()) : null);
            route.ifPresent(r -> intake.fileOnCase(sender.id(), event, r, id, now));
          });
    } catch (DuplicateKeyException e) {
      refuseIfConflicting(sender, event); // a repeat that raced the first delivery
      return repository
          .find(event.getSource().toString(), event.getId())
          .map(stored -> stored.view().asDuplicate())
          .orElseThrow(() -> e);
    }
    if (route.isPresent()) {
      correlation.attempt(id);
    }
    return find(id);
  }

  /**
   * One event's stored outcome, for the account that may have sent it (an integration account's
   * sources and types, {@code muutos.events.senders}) or an administrator; to anyone else it does
   * not exist (404), as another system's events are not theirs to read.
   */
  public InboundEventView find(String id, Account reader) {
    InboundEventView view = find(id);
    if (reader.admin()) {
      return view;
    }
    EventSettings.Sender allowed = settings.senders().get(reader.id());
    if (allowed == null || !allowed.may(view.source(), view.type())) {
      throw new DomainException(
          Kind.NOT_FOUND,
          "event-not-found",
          "Saapunutta tapahtumaa " + id + " ei ole (there is no inbound event with this id).");
    }
    return view;
  }

  /** One event's stored outcome. */
  public InboundEventView find(String id) {
    return repository
        .find(id)
        .map(Stored::view)
        .orElseThrow(
            () ->
                new DomainException(
                    Kind.NOT_FOUND,
                    "event-not-found",
                    "Saapunutta tapahtumaa "
                        + id
                        + " ei ole (there is no inbound event with the id "
                        + id
                        + ")."));
  }

  /** Stored events for operators, newest first. */
  public List<InboundEventView> list(String status, String type, int limit) {
    return repository.list(status, type, Math.max(1, Math.min(limit, 500)));
  }

  /**
   * Tries the events that are due again, on whichever node gets each claim first, and expires those
   * past their horizon ({@link InboxCorrelation}). Safe to run on every node at once. Returns how
   * many were tried.
   */
  public int retryDue() {
    return correlation.retryDue();
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
  }

  /** Events invalid for their type: nothing was stored. */
  public static class InvalidEventsException extends DomainException {
    private final List<String> problems;

    InvalidEventsException(List<String> problems) {
      super(
          Kind.INVALID,
          "invalid-event",
          "The event is invalid for its type; nothing was "
              + "stored: "
              + String.join("; ", problems));
      this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
      return problems;
    }
  }
}
