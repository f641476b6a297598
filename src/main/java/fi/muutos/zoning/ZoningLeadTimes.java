package fi.muutos.zoning;

import static fi.muutos.zoning.ZoningPlanProcess.Elements;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.springframework.stereotype.Service;

/**
 * How long plans spend in each stage, from the engine's history: per stage, how many plans have
 * passed it and the median and longest time in days. The figure "developing zoning processes"
 * needs.
 */
@Service
public class ZoningLeadTimes {

  /** The stages as the steps of the BPMN that make them up (in procedure order). */
  static final Map<String, String> STAGES = stages();

  private final HistoryService historyService;

  ZoningLeadTimes(HistoryService historyService) {
    this.historyService = historyService;
  }

  /** One stage's lead time. */
  public record LeadTime(
      String stage, String activityId, int plans, Double medianDays, Double longestDays) {}

  public List<LeadTime> leadTimes() {
    return STAGES.entrySet().stream()
        .map(
            stage -> {
              List<Long> durations =
                  historyService
                      .createHistoricActivityInstanceQuery()
                      .activityId(stage.getValue())
                      .finished()
                      .list()
                      .stream()
                      .filter(a -> ZoningPlanProcess.KEY.equals(a.getProcessDefinitionKey()))
                      .map(HistoricActivityInstance::getDurationInMillis)
                      .filter(java.util.Objects::nonNull)
                      .sorted()
                      .toList();
              return new LeadTime(
                  stage.getKey(),
                  stage.getValue(),
                  durations.size(),
                  durations.isEmpty() ? null : days(median(durations)),
                  durations.isEmpty() ? null : days(durations.get(durations.size() - 1)));
            })
        .toList();
  }

  static double median(List<Long> sorted) {
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
  }

  private static double days(double millis) {
    return Math.round(millis / 86_400_000.0 * 10) / 10.0;
  }

  private static Map<String, String> stages() {
    Map<String, String> stages = new LinkedHashMap<>();
    stages.put("Vireilletulo ja OAS", Elements.ANNOUNCE_INITIATION);
    stages.put("Viranomaisneuvottelu", Elements.AUTHORITIES_MEETING);
    stages.put("Luonnos nähtävillä", Elements.DISPLAY_DRAFT);
    stages.put("Ehdotuksen valmistelu", Elements.PREPARE_PROPOSAL);
    stages.put("Ehdotus nähtävillä", Elements.DISPLAY_ENDED);
    stages.put("Vastineet", Elements.REPLY_TO_REMINDERS);
    stages.put("Hyväksyminen", Elements.RECORD_DECISION);
    stages.put("Hyväksymisen kuulutus", Elements.PUBLISH_NOTICE);
    stages.put("Valitusaika", Elements.APPEAL_PERIOD);
    stages.put("Valitus käsittelyssä", Elements.APPEAL_DECIDED);
    stages.put("Voimaantulon kuulutus", Elements.ENTRY_INTO_FORCE_NOTICE);
    return java.util.Collections.unmodifiableMap(stages);
  }
}
