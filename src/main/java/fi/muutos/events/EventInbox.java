package fi.muutos.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.muutos.cases.CaseLookup;
import fi.muutos.cases.Filings;
import fi.muutos.events.EventDataMapper.Mapped;
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
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * nothing is dropped silently.
 */
@Service
public class EventInbox {

  private static final Logger LOG = LoggerFactory.getLogger(EventInbox.class);

  /** The longest event id and source the inbox stores. */
  static final int MAX_ID_LENGTH = 500;

  private final EventSettings settings;
  private final EventDataMapper mapper;
  private final InboxRepository repository;
  private final RuntimeService runtimeService;
  private final TransactionTemplate newTransaction;
  private final Clock clock;
  private final EventFormat format = new JsonFormat();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final CaseLookup cases;
  private final Filings filings;
  private final FilingIntake intake;

  /** How often a correlation that collided with another transaction is tried again at once. */
  static final int IMMEDIATE_RETRIES = 5;

  EventInbox(
      EventSettings settings,
      EventDataMapper mapper,
      InboxRepository repository,
      RuntimeService runtimeService,
      PlatformTransactionManager transactions,
      Clock clock,
      CaseLookup cases,
      Filings filings,
      FilingIntake intake) {
    this.cases = cases;
    this.filings = filings;
    this.intake = intake;
    this.settings = settings;
    this.mapper = mapper;
    this.repository = repository;
    this.runtimeService = runtimeService;
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
            "The account "
                + sender.id()
                + " may not send events of type "
                + event.getType()
                + " from the source "
                + event.getSource()
                + " (muutos.events.senders); nothing was "
                + "stored.");
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
            "An event with the source "
                + event.getSource()
                + " and the id "
                + event.getId()
                + " was received before with "
                + "other content. This one was not accepted; an administrator sees it under "
                + "/api/events/conflicts.");
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
      attempt(id);
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
                    "There is no inbound event with the id " + id + "."));
  }

  /** Stored events for operators, newest first. */
  public List<InboundEventView> list(String status, String type, int limit) {
    return repository.list(status, type, Math.max(1, Math.min(limit, 500)));
  }

  /**
   * Retries the events that are due, on whichever node gets each claim first, and expires those
   * past their horizon. Safe to run on every node at once. Returns how many were attempted.
   */
  public int retryDue() {
    OffsetDateTime now = now();
    for (String id : repository.overdueFilings(now, 100)) {
      if (repository.claim(id, now, now.plus(settings.retry().claim()))) {
        onCase(id);
      }
    }
    int expired = newTransaction.execute(tx -> repository.expireOverdue(now));
    if (expired > 0) {
      LOG.warn("{} inbound event(s) expired: no process waited for them", expired);
    }
    int attempted = 0;
    for (String id : repository.due(now, 100)) {
      if (repository.claim(id, now, now.plus(settings.retry().claim()))) {
        attempt(id);
        attempted++;
      }
    }
    return attempted;
  }

  /** Correlates a claimed event; on failure records why and when to try again. */
  private void attempt(String id) {
    Stored stored = repository.find(id).orElseThrow();
    InboundEventView view = stored.view();
    CloudEvent event = format.deserialize(stored.cloudEvent().getBytes(StandardCharsets.UTF_8));
    Route route = settings.route(view.type()).orElse(null);
    OffsetDateTime now = now();
    if (route == null) { // the routing table changed since the event was stored
      newTransaction.executeWithoutResult(
          tx ->
              repository.pending(
                  id,
                  "No route is configured for " + view.type() + " any more",
                  retryAt(view, now)));
      return;
    }
    Mapped mapped = mapper.map(event, route);
    // Asked first, so that an event nobody waits for yet (the usual case for an early event) is
    // not a failed command: the engine would log each failure with its stack trace, and under load
    // that logging costs more than the correlation itself.
    // the subject is the case's business key, or its record number (diaarinumero)
    String subject = cases.businessKeyFor(view.subject());
    List<String> waiting = waiting(route, subject, mapped);
    if (waiting.isEmpty() && route.fallbackMessage() != null) {
      List<String> fallbackWaiting = waiting(route.fallback(), subject, mapped);
      if (!fallbackWaiting.isEmpty()) {
        route = route.fallback();
        waiting = fallbackWaiting;
      }
    }
    Route target = route;
    String instance = waiting.size() == 1 ? waiting.get(0) : null;
    if (waiting.isEmpty() && !intake.caseRunning(route, subject) && filings.waitsForStep(id)) {
      // the case has ended: no step will ever take the filing
      onCase(id);
      return;
    }
    if (waiting.size() != 1) {
      later(id, view, notWaitingReason(route, subject, waiting.size()), now);
      return;
    }
    for (int attempt = 1; ; attempt++) {
      try {
        correlate(id, target, subject, instance, mapped, now);
        return;
      } catch (OptimisticLockingException e) {
        // another transaction (a timer of the same case, another event) changed the case at the
        // same moment: at once again, not after the back-off, while the step still waits
        if (attempt >= IMMEDIATE_RETRIES) {
          later(id, view, "Correlation collided " + attempt + " times: " + e.getMessage(), now);
          return;
        }
        LOG.debug("Inbound event {} collided with another transaction; again at once", id);
        List<String> stillWaiting = waiting(target, subject, mapped);
        if (stillWaiting.size() != 1) {
          later(id, view, notWaitingReason(route, subject, stillWaiting.size()), now);
          return;
        }
        instance = stillWaiting.get(0);
      } catch (FilingOnCase e) {
        return; // judged outside its step meanwhile: the correlation rolled back
      } catch (MismatchingMessageCorrelationException e) {
        // the process moved on between the question and the correlation
        int waitingNow = waiting(target, subject, mapped).size();
        later(id, view, notWaitingReason(route, subject, waitingNow), now);
        return;
      } catch (RuntimeException e) {
        LOG.warn("Correlating inbound event {} failed; will retry", id, e);
        later(id, view, "Correlation failed: " + e.getMessage(), now);
        return;
      }
    }
  }

  private void correlate(
      String id, Route target, String subject, String instance, Mapped mapped, OffsetDateTime now) {
    newTransaction.executeWithoutResult(
        tx -> {
          var correlation =
              runtimeService
                  .createMessageCorrelation(target.message())
                  .processInstanceBusinessKey(subject)
                  .processInstanceId(instance)
                  .setVariables(mapped.variables());
          target
              .localKeys()
              .forEach(key -> correlation.localVariableEquals(key, mapped.variables().get(key)));
          MessageCorrelationResult result = correlation.correlateWithResult();
          String instanceId =
              result.getProcessInstance() != null
                  ? result.getProcessInstance().getId()
                  : result.getExecution().getProcessInstanceId();
          repository.correlated(id, now, instanceId);
          if (!filings.taken(id, instanceId)) {
            throw new FilingOnCase(); // counted once: the step's work rolls back
          }
        });
  }

  /** The filing was kept on its case outside its step while this correlation ran. */
  private static final class FilingOnCase extends RuntimeException {
    FilingOnCase() {
      super(null, null, false, false);
    }
  }

  /**
   * No step took the event's filing: it stays on its case, judged by its filing date, a task for
   * the case's group; the event is done (ON_CASE), never expired.
   */
  private void onCase(String id) {
    try {
      newTransaction.executeWithoutResult(tx -> intake.keepOnCase(id));
    } catch (RuntimeException e) {
      // kept as it was (RECEIVED on the case, the event pending): tried again with the back-off
      LOG.warn("Keeping inbound event {} on its case failed; will retry", id, e);
      InboundEventView view = find(id);
      OffsetDateTime now = now();
      newTransaction.executeWithoutResult(
          tx ->
              repository.pending(id, "Kirjaaminen asialle epäonnistui: " + e, retryAt(view, now)));
    }
  }

  /**
   * The process instances (at most two: more is as ambiguous as two) of the processes that may
   * receive the route's type ({@code muutos.events.processes}) that wait for the route's message
   * for this subject (and its local keys).
   */
  private List<String> waiting(Route route, String subject, Mapped mapped) {
    List<String> receivers = settings.processesReceiving(route.type());
    if (receivers.isEmpty()) {
      return List.of();
    }
    // one question for the usual answer (nobody waits yet); the kind of process is asked only
    // of the few executions that do wait
    var query =
        runtimeService
            .createExecutionQuery()
            .messageEventSubscriptionName(route.message())
            .processInstanceBusinessKey(subject);
    route.localKeys().forEach(key -> query.variableValueEquals(key, mapped.variables().get(key)));
    Set<String> candidates = new HashSet<>();
    query.listPage(0, 3).forEach(execution -> candidates.add(execution.getProcessInstanceId()));
    if (candidates.isEmpty()) {
      return List.of();
    }
    return runtimeService
        .createProcessInstanceQuery()
        .processInstanceIds(candidates)
        .processDefinitionKeyIn(receivers.toArray(String[]::new))
        .listPage(0, 2)
        .stream()
        .map(ProcessInstance::getId)
        .toList();
  }

  private static String notWaitingReason(Route route, String subject, long waiting) {
    return waiting > 1
        ? waiting
            + " process instances with the business key "
            + subject
            + " wait for the message "
            + route.message()
            + ": which one is ambiguous"
        : "No process instance receiving "
            + route.type()
            + " with the business key "
            + subject
            + " waits for the message "
            + route.message()
            + " yet";
  }

  /** Pending again, retried after the back-off but at the latest at the horizon; then expired. */
  private void later(String id, InboundEventView view, String reason, OffsetDateTime now) {
    OffsetDateTime next = retryAt(view, now);
    if (view.expiresAt() != null && !now.isBefore(view.expiresAt()) && filings.waitsForStep(id)) {
      onCase(id);
      return;
    }
    newTransaction.executeWithoutResult(
        tx -> {
          if (view.expiresAt() != null && !now.isBefore(view.expiresAt())) {
            repository.expired(id, "No process waited for it before its horizon. Last: " + reason);
          } else {
            repository.pending(
                id,
                reason,
                view.expiresAt() != null && next.isAfter(view.expiresAt())
                    ? view.expiresAt()
                    : next);
          }
        });
  }

  private OffsetDateTime retryAt(InboundEventView view, OffsetDateTime now) {
    return now.plus(settings.retry().delayAfter(view.attempts() + 1));
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
