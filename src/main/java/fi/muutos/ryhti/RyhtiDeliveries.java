package fi.muutos.ryhti;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.muutos.platform.DomainException;
import fi.muutos.platform.DomainException.Kind;
import fi.muutos.zoning.RyhtiProblem;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The Ryhti queue as planners and administrators see it, and an administrator's retry. */
@Service
public class RyhtiDeliveries {

  private static final Set<String> STATES =
      Set.of("PENDING", "DELIVERED", "REJECTED", "SUPERSEDED");
  public static final int MAX_PAGE = 500;

  private final RyhtiRepository repository;
  private final RyhtiQueue queue;
  private final ObjectMapper json;

  RyhtiDeliveries(RyhtiRepository repository, RyhtiQueue queue, ObjectMapper json) {
    this.repository = repository;
    this.queue = queue;
    this.json = json;
  }

  /**
   * A queued message: what it is (the plan, the kind, the lifecycle code and the phase key), what
   * it says (the body as sent, the permanent identifier added when a plan matter is sent), where it
   * is, its tries, and Ryhti's answer.
   */
  public record Delivery(
      long id,
      String businessKey,
      String kind,
      String lifecycleCode,
      String phaseKey,
      String state,
      int attempts,
      OffsetDateTime nextAttemptAt,
      Integer lastStatus,
      String lastError,
      List<RyhtiProblem> problems,
      OffsetDateTime createdAt,
      OffsetDateTime deliveredAt,
      JsonNode body) {}

  /** The queue, newest first: in one state, of one plan, or all. */
  @Transactional(readOnly = true)
  public List<Delivery> list(String state, String businessKey, int limit) {
    if (state != null && !STATES.contains(state)) {
      throw new DomainException(
          Kind.INVALID,
          "invalid-state",
          "Tila on yksi seuraavista: " + STATES.stream().sorted().toList() + ", ei " + state + ".");
    }
    return repository.list(state, businessKey, Math.max(1, Math.min(limit, MAX_PAGE))).stream()
        .map(this::view)
        .toList();
  }

  /** An administrator sends a message again now (a refused one built anew from the record). */
  @Transactional
  public Delivery retry(long id) {
    queue.retry(id);
    return view(repository.find(id).orElseThrow());
  }

  private Delivery view(RyhtiRepository.Row row) {
    JsonNode body;
    try {
      body = json.readTree(row.body());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A queued Ryhti message is not JSON", e);
    }
    return new Delivery(
        row.id(),
        row.businessKey(),
        row.kind(),
        row.lifecycleCode(),
        row.phaseKey(),
        row.state(),
        row.attempts(),
        row.nextAttemptAt(),
        row.lastStatus(),
        row.lastError(),
        repository.problems(row),
        row.createdAt(),
        row.deliveredAt(),
        body);
  }
}
