package fi.muutos.events;

import fi.muutos.cases.CaseLookup;
import fi.muutos.cases.Filings;
import fi.muutos.events.EventDataMapper.Mapped;
import fi.muutos.events.EventSettings.Route;
import fi.muutos.events.InboxRepository.Stored;
import fi.muutos.platform.Backoff;
import fi.muutos.platform.DomainException;
import fi.muutos.platform.RetryPolicy;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.jackson.JsonFormat;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The inbox's work queue (ADR 0014, 0015, 0055): a stored event is correlated to the one process
 * instance that waits for it, in a transaction of its own with the event's new status; one that
 * collides with another transaction is tried again at once; one that nothing waits for yet is due
 * again after the back-off ({@link RetryPolicy}), at the latest at its horizon, then expires,
 * unless it is a filing, which stays on its case (ADR 0052).
 */
@Service
class InboxCorrelation {

  private static final Logger LOG = LoggerFactory.getLogger(InboxCorrelation.class);

  /** How often a correlation that collided with another transaction is tried again at once. */
  static final int IMMEDIATE_RETRIES = 5;

  private final EventSettings settings;
  private final EventDataMapper mapper;
  private final InboxRepository repository;
  private final RuntimeService runtimeService;
  private final TransactionTemplate newTransaction;
  private final Clock clock;
  private final EventFormat format = new JsonFormat();
  private final CaseLookup cases;
  private final Filings filings;
  private final FilingIntake intake;
  private final RetryPolicy retry;

  InboxCorrelation(
      EventSettings settings,
      EventDataMapper mapper,
      InboxRepository repository,
      RuntimeService runtimeService,
      PlatformTransactionManager transactions,
      Clock clock,
      CaseLookup cases,
      Filings filings,
      FilingIntake intake) {
    this.settings = settings;
    this.mapper = mapper;
    this.repository = repository;
    this.runtimeService = runtimeService;
    this.newTransaction = new TransactionTemplate(transactions);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
    this.cases = cases;
    this.filings = filings;
    this.intake = intake;
    this.retry =
        RetryPolicy.untilDone(
            new Backoff(settings.retry().firstDelay(), settings.retry().maxDelay()));
  }

  /**
   * Retries the events that are due, on whichever node gets each claim first, and expires those
   * past their horizon. Safe to run on every node at once. Returns how many were attempted.
   */
  int retryDue() {
    OffsetDateTime now = now();
    for (String id : repository.overdueFilings(now, 100)) {
      if (repository.claim(id, now, now.plus(settings.retry().claim()))) {
        onCase(id);
      }
    }
    List<String> suspended =
        runtimeService.createProcessInstanceQuery().suspended().list().stream()
            .map(ProcessInstance::getBusinessKey)
            .filter(java.util.Objects::nonNull)
            .toList();
    if (!suspended.isEmpty()) {
      newTransaction.executeWithoutResult(
          tx -> repository.holdForSuspended(suspended, now.plus(settings.horizon())));
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
  void attempt(String id) {
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
                  "Tapahtumalle "
                      + view.type()
                      + " ei ole enää reittiä (no route is configured for it any more)",
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
        DomainException refusal = refusal(e);
        if (refusal != null && !filings.waitsForStep(id)) {
          // the process's own rule refused it: waiting would not change the answer
          newTransaction.executeWithoutResult(tx -> repository.refused(id, refusal.getMessage()));
          return;
        }
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
            + " asiaa tunnuksella "
            + subject
            + " odottaa viestiä "
            + route.message()
            + ": ei tiedetä, mille se kuuluu ("
            + waiting
            + " process instances wait for it: ambiguous)"
        : "Yksikään asia tunnuksella "
            + subject
            + " ei vielä odota tapahtuman "
            + route.type()
            + " viestiä "
            + route.message()
            + " (no process instance waits for it yet)";
  }

  /** Pending again, tried after the back-off but at the latest at the horizon; then expired. */
  private void later(String id, InboundEventView view, String reason, OffsetDateTime now) {
    Optional<OffsetDateTime> next = retry.next(view.attempts(), now, view.expiresAt());
    if (next.isEmpty() && filings.waitsForStep(id)) {
      onCase(id);
      return;
    }
    newTransaction.executeWithoutResult(
        tx -> {
          if (next.isEmpty()) {
            repository.expired(
                id,
                "Mikään asia ei odottanut tapahtumaa sen voimassaoloaikana (no process waited for it"
                    + " before its horizon). Viimeksi: "
                    + reason);
          } else {
            repository.pending(id, reason, next.get());
          }
        });
  }

  /** The next try after a failure of Muutos' own: after the back-off, whatever the horizon. */
  private OffsetDateTime retryAt(InboundEventView view, OffsetDateTime now) {
    return now.plus(retry.backoff().after(view.attempts()));
  }

  /** The rule of a process that refused the event (thrown by its step), if that is what failed. */
  private static DomainException refusal(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof DomainException rule) {
        return rule;
      }
    }
    return null;
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
  }

  private InboundEventView find(String id) {
    return repository.find(id).map(Stored::view).orElseThrow();
  }
}
