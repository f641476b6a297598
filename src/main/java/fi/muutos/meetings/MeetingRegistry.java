package fi.muutos.meetings;

import fi.muutos.cases.Cases;
import fi.muutos.meetings.MeetingDecisionProcess.Vars;
import fi.muutos.platform.MunicipalitySettings;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;

/**
 * What the registry (kirjaamo) is given when Muutos cannot match a meeting item with certainty: the
 * open cases it may belong to, and a Tasklist task ("Yhdistä päätös asiaan") with the item, the
 * doubts and the choices.
 */
final class MeetingRegistry {

  private static final DateTimeFormatter FINNISH = DateTimeFormatter.ofPattern("d.M.yyyy");

  private final MeetingSettings settings;
  private final Cases cases;
  private final RuntimeService runtimeService;
  private final MunicipalitySettings municipality;

  MeetingRegistry(
      MeetingSettings settings,
      Cases cases,
      RuntimeService runtimeService,
      MunicipalitySettings municipality) {
    this.settings = settings;
    this.cases = cases;
    this.runtimeService = runtimeService;
    this.municipality = municipality;
  }

  /**
   * The open cases that wait for a decision and share a word (of five letters or more) with the
   * item's title: what the registry chooses from. None: the item is no open case's.
   */
  List<String> candidates(String title) {
    Set<String> words = MeetingMinutes.words(title);
    if (words.isEmpty()) {
      return List.of();
    }
    Set<String> keys = new LinkedHashSet<>();
    for (Execution waiting :
        runtimeService
            .createExecutionQuery()
            .messageEventSubscriptionName("decisionMade")
            .listPage(0, 500)) {
      var instance =
          runtimeService
              .createProcessInstanceQuery()
              .processInstanceId(waiting.getProcessInstanceId())
              .singleResult();
      if (instance != null && instance.getBusinessKey() != null) {
        keys.add(instance.getBusinessKey());
      }
    }
    List<String> candidates = new ArrayList<>();
    for (String key : keys) {
      String name = cases.name(key).orElse("");
      Set<String> shared = MeetingMinutes.words(name);
      shared.retainAll(words);
      if (!shared.isEmpty()) {
        candidates.add(key + " " + name);
      }
    }
    return candidates;
  }

  /** Starts the registry's task for an item Muutos could not match with certainty. */
  String openTask(
      long id,
      MeetingItem item,
      Optional<String> key,
      Optional<String> outcome,
      Optional<String> body,
      List<String> doubts,
      List<String> candidates) {
    Map<String, Object> variables = new HashMap<>();
    Vars.ITEM_ID.put(variables, id);
    Vars.REGISTRY_GROUP.put(variables, settings.registryGroup());
    Vars.SUMMARY.put(
        variables,
        item.body()
            + " "
            + FINNISH.format(item.meetingDate())
            + " "
            + item.section()
            + ": "
            + item.title()
            + (item.recordNumber() == null ? "" : " (" + item.recordNumber() + ")"));
    Vars.DECISION_TEXT.put(
        variables, item.decisionText() == null ? "(ei päätöstekstiä)" : item.decisionText());
    Vars.REASON.put(variables, String.join(" ", doubts));
    Vars.CANDIDATES.put(variables, String.join("\n", candidates));
    Vars.BODY_CHOICES.put(
        variables,
        municipality.bodies().stream().map(b -> Map.of("label", b, "value", b)).toList());
    Vars.LINKED_CASE.put(
        variables, key.orElse(candidates.size() == 1 ? candidates.get(0).split(" ")[0] : ""));
    outcome.ifPresent(o -> Vars.CONFIRMED_OUTCOME.put(variables, o));
    body.ifPresent(b -> Vars.CONFIRMED_BODY.put(variables, b));
    return runtimeService
        .startProcessInstanceByKey(
            MeetingDecisionProcess.KEY, item.system() + ":" + item.itemId(), variables)
        .getId();
  }
}
