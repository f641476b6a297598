package fi.muutos.events;

import fi.muutos.cases.CaseLookup;
import fi.muutos.cases.Filing;
import fi.muutos.cases.Filings;
import fi.muutos.events.EventDataMapper.Mapped;
import fi.muutos.events.EventSettings.Route;
import io.cloudevents.CloudEvent;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * The inbox's side of the filings (ADR 0052): an event of a filing route for a known case is
 * written on the case when it is stored, and one that no step takes is kept on the case, its event
 * {@code ON_CASE}. Each runs in the caller's transaction.
 */
@Component
class FilingIntake {

  private final EventSettings settings;
  private final EventDataMapper mapper;
  private final InboxRepository repository;
  private final RuntimeService runtimeService;
  private final CaseLookup cases;
  private final Filings filings;

  FilingIntake(
      EventSettings settings,
      EventDataMapper mapper,
      InboxRepository repository,
      RuntimeService runtimeService,
      CaseLookup cases,
      Filings filings) {
    this.settings = settings;
    this.mapper = mapper;
    this.repository = repository;
    this.runtimeService = runtimeService;
    this.cases = cases;
    this.filings = filings;
  }

  /**
   * A legal filing ({@code filing} of its route) for a known case is a fact on the case from the
   * moment it is accepted, in the inbox row's transaction.
   */
  void fileOnCase(String sender, CloudEvent event, Route route, String id, OffsetDateTime now) {
    if (route.filing() == null) {
      return;
    }
    Mapped mapped = mapper.map(event, route);
    Object date = mapped.variables().get(route.filing().date());
    Object reference =
        route.filing().reference() == null
            ? null
            : mapped.variables().get(route.filing().reference());
    if (date == null) {
      return;
    }
    filings.receive(
        new Filing.Received(
            id,
            cases.businessKeyFor(event.getSubject()),
            event.getType(),
            route.filing().label(),
            LocalDate.parse(date.toString()),
            reference == null ? null : reference.toString(),
            event.getSource().toString(),
            sender,
            now));
  }

  /** Whether a process that receives the route's events still runs for this case. */
  boolean caseRunning(Route route, String subject) {
    List<String> receivers = settings.processesReceiving(route.type());
    return subject != null
        && !receivers.isEmpty()
        && runtimeService
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(subject)
                .processDefinitionKeyIn(receivers.toArray(String[]::new))
                .count()
            > 0;
  }

  /**
   * No step took the event's filing: it stays on its case, judged by its filing date, with a task
   * for the case's group; the event is done ({@code ON_CASE}), never expired.
   */
  void keepOnCase(String id) {
    filings
        .outsideStep(id)
        .ifPresent(
            filing ->
                repository.onCase(
                    id,
                    "Menettely ei odottanut tätä enää: kirjattu asialle "
                        + filing.businessKey()
                        + " jättöpäivänsä mukaan, ja asian ryhmä sai tehtävän (no step waits for"
                        + " it: kept on the case, a task for its group). "
                        + filing.judgement()));
  }
}
