package fi.muutos.ryhti;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.muutos.platform.Backoff;
import fi.muutos.platform.RetryPolicy;
import fi.muutos.ryhti.RyhtiClient.Accepted;
import fi.muutos.ryhti.RyhtiClient.Answer;
import fi.muutos.ryhti.RyhtiClient.Failed;
import fi.muutos.ryhti.RyhtiClient.NotThere;
import fi.muutos.ryhti.RyhtiClient.Refused;
import fi.muutos.ryhti.RyhtiRepository.Row;
import fi.muutos.zoning.PlanForRegister;
import fi.muutos.zoning.PlanType;
import fi.muutos.zoning.RyhtiProblem;
import fi.muutos.zoning.ZoningPlans;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the queued messages, after the transactions that queued them committed: each plan's in
 * order, each message claimed by one node (a conditional update; a node that dies leaves it to the
 * others after {@code muutos.ryhti.retry.claim}). A message is validated first ({@code
 * .../validate}), then stored. Delivery is at least once with stable keys: a message tried before
 * asks Ryhti first whether it already holds the plan matter or phase, and a phase Ryhti holds is
 * corrected ({@code PUT}) rather than added again. A 400 or 422 is not retried: the message is
 * REJECTED with Ryhti's own messages and the planners' task opens; 5xx, timeouts and lost
 * connections are retried with back-off.
 */
@Service
public class RyhtiDelivery {

  private static final Logger LOG = LoggerFactory.getLogger(RyhtiDelivery.class);

  private final RyhtiRepository repository;
  private final RyhtiClient client;
  private final RyhtiCorrections corrections;
  private final RyhtiSettings settings;
  private final ZoningPlans plans;
  private final ObjectMapper json;
  private final Clock clock;
  private final TransactionTemplate transaction;
  private final RetryPolicy retry;

  RyhtiDelivery(
      RyhtiRepository repository,
      RyhtiClient client,
      RyhtiCorrections corrections,
      RyhtiSettings settings,
      ZoningPlans plans,
      ObjectMapper json,
      Clock clock,
      PlatformTransactionManager transactions) {
    this.repository = repository;
    this.client = client;
    this.corrections = corrections;
    this.settings = settings;
    this.retry =
        RetryPolicy.untilDone(
            new Backoff(settings.retry().firstDelay(), settings.retry().maxDelay()));
    this.plans = plans;
    this.json = json;
    this.clock = clock;
    this.transaction = new TransactionTemplate(transactions);
  }

  /** What one run did. */
  public record Run(int delivered, int rejected, int failed) {}

  /**
   * Sends what is due, until nothing is (a plan's next message is due as soon as the one before it
   * is delivered). Nothing when delivery is off.
   */
  public Run deliverDue() {
    return deliverDue(null);
  }

  /** Sends what is due of one plan (its business key), or of all plans (null). */
  public Run deliverDue(String businessKey) {
    int delivered = 0;
    int rejected = 0;
    int failed = 0;
    if (!settings.enabled()) {
      return new Run(0, 0, 0);
    }
    while (true) {
      List<Long> due = repository.due(now(), 50, businessKey);
      int progress = 0;
      for (long id : due) {
        OffsetDateTime now = now();
        if (!repository.claim(id, now, now.plus(settings.retry().claim()))) {
          continue; // another node has it
        }
        switch (deliver(repository.find(id).orElseThrow())) {
          case DELIVERED -> {
            delivered++;
            progress++;
          }
          case REJECTED -> rejected++;
          case FAILED -> failed++;
        }
      }
      if (progress == 0) {
        return new Run(delivered, rejected, failed);
      }
    }
  }

  private enum Outcome {
    DELIVERED,
    REJECTED,
    FAILED
  }

  private Outcome deliver(Row row) {
    PlanForRegister plan = plans.forRegister(row.businessKey());
    List<RyhtiProblem> ours = repository.problems(row);
    if (!ours.isEmpty()) {
      return rejected(row, plan, null, ours);
    }
    Answer answer;
    try {
      answer =
          switch (row.kind()) {
            case RyhtiQueue.RESERVE -> reserve(row, plan.type());
            case RyhtiQueue.MATTER -> matter(row, plan.type());
            default -> phase(row, plan.type());
          };
    } catch (RuntimeException e) {
      answer = new Failed(null, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    if (answer instanceof Accepted accepted) {
      return delivered(row, plan, accepted);
    }
    if (answer instanceof Refused refused) {
      return rejected(row, plan, refused.status(), refused.problems());
    }
    return failed(
        row,
        answer.status(),
        answer instanceof Failed failure ? failure.error() : "Ryhti: ei löydy (404)");
  }

  private Answer reserve(Row row, PlanType type) {
    return client.post(
        "/api/" + RyhtiCodes.matterPath(type) + "/PermanentPlanIdentifier", row.body());
  }

  private Answer matter(Row row, PlanType type) {
    String identifier = repository.permanentIdentifier(row.businessKey()).orElse(null);
    if (identifier == null) {
      return new Failed(null, "Pysyvää kaavatunnusta ei ole vielä varattu.");
    }
    String path = "/api/" + RyhtiCodes.matterPath(type) + "/" + RyhtiClient.segment(identifier);
    if (row.attempts() > 0 && client.get(path) instanceof Accepted already) {
      return already; // stored by an earlier try whose answer was lost
    }
    String body = RyhtiMessages.withIdentifier(body(row), identifier).toString();
    Answer valid = client.post(path + "/Validate", body);
    return valid instanceof Accepted ? client.post(path, body) : valid;
  }

  private Answer phase(Row row, PlanType type) {
    String identifier = repository.permanentIdentifier(row.businessKey()).orElse(null);
    if (identifier == null || !repository.matterCreated(row.businessKey())) {
      return new Failed(null, "Kaava-asiaa ei ole vielä luotu Ryhtiin.");
    }
    String path =
        "/api/"
            + RyhtiCodes.matterPath(type)
            + "/"
            + RyhtiClient.segment(identifier)
            + "/phase/"
            + RyhtiClient.segment(row.phaseKey());
    boolean stored = repository.phaseStored(row.businessKey(), row.phaseKey());
    if (!stored && row.attempts() > 0 && client.get(path) instanceof Accepted) {
      stored = true; // an earlier try stored it and its answer was lost: correct it
    }
    Answer valid = client.post(path + "/validate", row.body());
    if (!(valid instanceof Accepted)) {
      return valid;
    }
    if (stored) {
      Answer put = client.put(path, row.body());
      return put instanceof NotThere ? client.post(path, row.body()) : put;
    }
    return client.post(path, row.body());
  }

  private Outcome delivered(Row row, PlanForRegister plan, Accepted answer) {
    transaction.executeWithoutResult(
        tx -> {
          OffsetDateTime now = now();
          switch (row.kind()) {
            case RyhtiQueue.RESERVE ->
                repository.permanentIdentifier(row.businessKey(), client.text(answer.body()));
            case RyhtiQueue.MATTER -> {
              repository.matterCreated(row.businessKey(), now);
              repository.phaseStored(row.businessKey(), row.phaseKey(), row.lifecycleCode(), now);
            }
            default ->
                repository.phaseStored(row.businessKey(), row.phaseKey(), row.lifecycleCode(), now);
          }
          repository.delivered(row.id(), answer.status(), now);
          if (repository.rejected(row.businessKey()).isEmpty()) {
            corrections.accepted(row.businessKey());
          }
        });
    LOG.info(
        "Ryhti: {} {} {} toimitettu ({})",
        plan.businessKey(),
        row.kind(),
        row.lifecycleCode() == null ? "" : row.lifecycleCode(),
        answer.status());
    return Outcome.DELIVERED;
  }

  private Outcome rejected(
      Row row, PlanForRegister plan, Integer status, List<RyhtiProblem> problems) {
    transaction.executeWithoutResult(
        tx -> {
          repository.rejected(row.id(), status, problems);
          corrections.rejected(plan.businessKey(), plan.id(), plan.name(), problems);
        });
    LOG.warn(
        "Ryhti hylkäsi kaavan {} sanoman {} ({}): {}",
        plan.businessKey(),
        row.id(),
        status == null ? "oma tarkistus" : status,
        RyhtiCorrections.text(problems));
    return Outcome.REJECTED;
  }

  private Outcome failed(Row row, Integer status, String error) {
    int attempt = row.attempts();
    OffsetDateTime next = retry.next(attempt, now(), null).orElseThrow();
    Duration delay = Duration.between(now(), next);
    repository.retryLater(row.id(), status, error, next);
    LOG.warn(
        "Ryhti-sanoma {} (kaava {}) ei mennyt perille, yritys {}; uusi yritys {} kuluttua: {}",
        row.id(),
        row.businessKey(),
        attempt,
        delay,
        error);
    return Outcome.FAILED;
  }

  private ObjectNode body(Row row) {
    try {
      return (ObjectNode) json.readTree(row.body());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A queued Ryhti message is not JSON", e);
    }
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
  }
}
