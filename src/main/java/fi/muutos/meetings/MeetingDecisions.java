package fi.muutos.meetings;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.muutos.cases.CaseLookup;
import fi.muutos.cases.Cases;
import fi.muutos.events.EventInbox;
import fi.muutos.events.InboundEventView;
import fi.muutos.meetings.MeetingRepository.ItemRow;
import fi.muutos.platform.Backoff;
import fi.muutos.platform.DomainException;
import fi.muutos.platform.DomainException.Kind;
import fi.muutos.platform.MunicipalitySettings;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Decisions from the meeting systems into the cases (ADR 0054). A poll takes the system's turn (one
 * node at a time), reads its feed, and fetches each new or changed item. An item is matched by its
 * record number, else by a case's business key named in it; its outcome is read from the decision's
 * text by the configured words, its body mapped to a configured body. What is certain becomes the
 * {@code fi.muutos.decision.made} event, through the inbox (the event's id is the item's version:
 * the inbox's deduplication makes a repeat nothing); what is not goes to the registry's task
 * "Yhdistä päätös asiaan" with the cases it may concern; never a guess. An item no open case can be
 * is kept as unrelated, shown to administrators. A feed or page that is away, slow or garbled stops
 * the poll: the items read so far are kept, the next poll backs off.
 */
@Service
public class MeetingDecisions {

  private static final Logger LOG = LoggerFactory.getLogger(MeetingDecisions.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String DECISION_MADE = "fi.muutos.decision.made";

  /** After a failed poll: a minute, doubling up to six hours. */
  static final Backoff BACKOFF = new Backoff(Duration.ofMinutes(1), Duration.ofHours(6));

  private final MeetingSettings settings;
  private final MeetingRepository repository;
  private final Cases cases;
  private final CaseLookup lookup;
  private final EventInbox inbox;
  private final RuntimeService runtimeService;
  private final MunicipalitySettings municipality;
  private final Clock clock;
  private final List<MeetingSource> sources;
  private final MeetingMinutes minutes;
  private final MeetingRegistry registry;

  MeetingDecisions(
      MeetingSettings settings,
      MeetingRepository repository,
      Cases cases,
      CaseLookup lookup,
      EventInbox inbox,
      RuntimeService runtimeService,
      MunicipalitySettings municipality,
      Clock clock) {
    this.settings = settings;
    this.repository = repository;
    this.cases = cases;
    this.lookup = lookup;
    this.inbox = inbox;
    this.runtimeService = runtimeService;
    this.municipality = municipality;
    this.clock = clock;
    this.minutes = new MeetingMinutes(settings, municipality);
    this.registry = new MeetingRegistry(settings, cases, runtimeService, municipality);
    this.sources =
        settings.dynasty().enabled() ? List.of(new DynastySource(settings.dynasty())) : List.of();
  }

  /** What one poll of a system did. */
  public record PollResult(
      String system, boolean polled, int items, int read, int sent, int registry, String error) {}

  /** The state of a system's polling and its latest items, for administrators. */
  public record State(
      String system,
      boolean enabled,
      OffsetDateTime nextPollAt,
      OffsetDateTime lastPolledAt,
      OffsetDateTime lastSuccessAt,
      int failures,
      String lastError,
      List<ItemRow> items) {}

  /** Polls every enabled system whose turn it is (the scheduler). */
  public List<PollResult> pollDue() {
    return sources.stream().map(source -> poll(source, false)).toList();
  }

  /** Polls every enabled system now (an administrator's call; still one node at a time). */
  public List<PollResult> pollNow() {
    return sources.stream().map(source -> poll(source, true)).toList();
  }

  PollResult poll(MeetingSource source, boolean force) {
    OffsetDateTime now = now();
    repository.ensureSource(source.system());
    if (!repository.claim(source.system(), now, now.plus(claimFor()), force)) {
      return new PollResult(source.system(), false, 0, 0, 0, 0, null);
    }
    int items = 0;
    int read = 0;
    int sent = 0;
    int registry = 0;
    try {
      List<MeetingItem.Ref> refs = source.items();
      items = refs.size();
      // oldest first, so that decisions reach their cases in the order they were made
      List<MeetingItem.Ref> oldestFirst = new ArrayList<>(refs);
      java.util.Collections.reverse(oldestFirst);
      for (MeetingItem.Ref ref : oldestFirst) {
        Optional<ItemRow> stored = repository.item(source.system(), ref.itemId());
        if (stored.isPresent()
            && stored.get().feedVersion().equals(ref.feedVersion())
            && !"NEW".equals(stored.get().status())) {
          continue; // the feed says nothing new of it
        }
        MeetingItem item = source.item(ref);
        read++;
        if (stored.isPresent()
            && stored.get().version().equals(item.version())
            && !"NEW".equals(stored.get().status())) {
          repository.feedVersion(stored.get().id(), ref.feedVersion(), now());
          continue; // the same content
        }
        long id = repository.save(item, ref.feedVersion(), now());
        String status = route(source, id, item);
        if ("SENT".equals(status)) {
          sent++;
        } else if ("REGISTRY".equals(status)) {
          registry++;
        }
      }
      repository.succeeded(source.system(), now(), now().plus(settings.dynasty().pollInterval()));
      return new PollResult(source.system(), true, items, read, sent, registry, null);
    } catch (IOException | RuntimeException e) {
      int failures = repository.source(source.system()).map(s -> s.failures()).orElse(0) + 1;
      Duration delay = BACKOFF.after(failures);
      LOG.warn("Polling {} failed ({} in a row); next in {}", source.system(), failures, delay, e);
      repository.failed(source.system(), e.toString(), now().plus(delay));
      return new PollResult(source.system(), true, items, read, sent, registry, e.getMessage());
    }
  }

  private Duration claimFor() {
    // long enough for a feed of slow pages: every request may take the whole timeout
    return settings.dynasty().timeout().multipliedBy(settings.dynasty().show() + 2L);
  }

  /** Matches an item and sends its decision, or gives it to the registry. Returns its status. */
  private String route(MeetingSource source, long id, MeetingItem item) {
    Optional<String> key =
        lookup
            .caseByRecordNumber(item.recordNumber())
            .or(() -> lookup.caseNamedIn(item.title() + "\n" + item.decisionText()));
    Optional<String> outcome = minutes.outcome(item.decisionText());
    Optional<String> body = minutes.body(item.body());
    List<String> doubts = new ArrayList<>();
    if (key.isEmpty()) {
      doubts.add(
          "Asiaa ei tunnistettu: "
              + (item.recordNumber() == null
                  ? "kokousasiassa ei ole diaarinumeroa"
                  : "diaarinumero " + item.recordNumber() + " ei ole minkään asian")
              + ", eikä teksti mainitse asian tunnusta.");
    }
    if (outcome.isEmpty()) {
      doubts.add("Päätöksen lopputulosta ei voi lukea päätöksen tekstistä varmasti.");
    }
    if (body.isEmpty()) {
      doubts.add(
          "Toimielintä \""
              + item.body()
              + "\" ei ole kytketty mihinkään kunnan toimielimeen"
              + " (muutos.meetings.dynasty.bodies).");
    }
    if (doubts.isEmpty()) {
      try {
        InboundEventView event = send(source, item, key.get(), outcome.get(), body.get());
        repository.routed(id, "SENT", key.get(), outcome.get(), event.id(), null, null, now());
        return "SENT";
      } catch (EventInbox.InvalidEventsException e) {
        doubts.add("Tapahtumajono ei hyväksynyt päätöstä: " + String.join("; ", e.problems()));
      }
    }
    List<String> candidates =
        key.map(k -> List.of(k + " " + cases.name(k).orElse("")))
            .orElseGet(() -> registry.candidates(item.title()));
    if (candidates.isEmpty()) {
      repository.routed(
          id, "UNRELATED", null, outcome.orElse(null), null, String.join(" ", doubts), null, now());
      return "UNRELATED";
    }
    String task = registry.openTask(id, item, key, outcome, body, doubts, candidates);
    repository.routed(
        id,
        "REGISTRY",
        key.orElse(null),
        outcome.orElse(null),
        null,
        String.join(" ", doubts),
        task,
        now());
    return "REGISTRY";
  }

  private InboundEventView send(
      MeetingSource source, MeetingItem item, String key, String outcome, String body) {
    ObjectNode data = JSON.createObjectNode();
    data.put("body", body);
    data.put("section", item.section());
    data.put("date", item.meetingDate().toString());
    data.put("outcome", outcome);
    if (item.minutesPublishedOn() != null) {
      data.put("minutesPublished", item.minutesPublishedOn().toString());
    }
    CloudEvent event =
        CloudEventBuilder.v1()
            .withId(source.system() + ":" + item.itemId() + ":" + item.version())
            .withSource(URI.create(source.eventSource()))
            .withType(DECISION_MADE)
            .withSubject(key)
            .withTime(now())
            .withDataContentType("application/json")
            .withData(data.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
            .build();
    // Muutos' own adapter: an administrator's right to send (muutos.events.senders is for others)
    return inbox
        .receive(new EventInbox.Account("muutos-" + source.system(), true), List.of(event))
        .get(0);
  }

  /** The registry matched an item: checked, then sent as the meeting system's decision. */
  public void link(long itemId, String caseKey, String outcome, String body, String user) {
    ItemRow row = item(itemId);
    List<String> problems = new ArrayList<>();
    String key = caseKey == null ? "" : caseKey.strip();
    if (key.isEmpty() || cases.name(key).isEmpty()) {
      problems.add("Asiaa \"" + key + "\" ei ole: anna asian tunnus (esim. KAAVA-2026-004)");
    }
    if (!minutes.knows(outcome)) {
      problems.add("Valitse päätöksen lopputulos");
    }
    Optional<String> chosen = municipality.body(body);
    if (chosen.isEmpty()) {
      problems.add("Valitse päättänyt toimielin kunnan toimielimistä");
    }
    if (!problems.isEmpty()) {
      throw new DomainException(
          Kind.INVALID,
          "invalid-match",
          "Päätöstä ei voi yhdistää: " + String.join("; ", problems) + ".");
    }
    MeetingSource source =
        sources.stream()
            .filter(s -> s.system().equals(row.system()))
            .findFirst()
            .orElseThrow(
                () ->
                    new DomainException(
                        Kind.CONFLICT,
                        "meeting-system-off",
                        "Kokousjärjestelmän " + row.system() + " sovitin ei ole päällä."));
    MeetingItem item =
        new MeetingItem(
            row.system(),
            row.itemId(),
            row.version(),
            row.url(),
            row.body(),
            row.meetingDate(),
            row.section(),
            row.recordNumber(),
            row.title(),
            row.decisionText(),
            row.minutesPublishedOn());
    InboundEventView event = send(source, item, key, outcome, chosen.get());
    repository.routed(
        itemId,
        "SENT",
        key,
        outcome,
        event.id(),
        "Kirjaamo yhdisti (" + user + ")",
        row.taskInstanceId(),
        now());
    LOG.info("{} matched {} to {} ({})", user, row.itemId(), key, outcome);
  }

  /** The registry said the item is no matter of Muutos. */
  public void ignore(long itemId, String user) {
    ItemRow row = item(itemId);
    repository.routed(
        itemId,
        "IGNORED",
        null,
        row.outcome(),
        null,
        "Ei koske Muutoksen asiaa (" + user + ")",
        row.taskInstanceId(),
        now());
  }

  private ItemRow item(long id) {
    return repository
        .item(id)
        .orElseThrow(
            () ->
                new DomainException(
                    Kind.NOT_FOUND,
                    "meeting-item-not-found",
                    "Kokousasiaa " + id + " ei ole (there is no meeting item " + id + ")."));
  }

  /** Each enabled system's state and its latest items (administrators). */
  public List<State> state(String status, int limit) {
    List<State> states = new ArrayList<>();
    for (String system : List.of("dynasty")) {
      var source = repository.source(system);
      states.add(
          new State(
              system,
              sources.stream().anyMatch(s -> s.system().equals(system)),
              source.map(MeetingRepository.SourceRow::nextPollAt).orElse(null),
              source.map(MeetingRepository.SourceRow::lastPolledAt).orElse(null),
              source.map(MeetingRepository.SourceRow::lastSuccessAt).orElse(null),
              source.map(MeetingRepository.SourceRow::failures).orElse(0),
              source.map(MeetingRepository.SourceRow::lastError).orElse(null),
              repository.items(status, Math.max(1, Math.min(limit, 500)))));
    }
    return states;
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
  }
}
