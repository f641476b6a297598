package fi.muutos.strategy;

import fi.muutos.strategy.StrategyView.ChangeView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Management's overview (Cockpit's Strategia tab): the strategy at a glance with its goals at risk,
 * and which measures a process instance, or all instances of a model, moved.
 */
@Service
public class StrategyMonitoring {

  private final MeasureLogRepository measureLog;
  private final StrategyReads reads;

  StrategyMonitoring(MeasureLogRepository measureLog, StrategyReads reads) {
    this.measureLog = measureLog;
    this.reads = reads;
  }

  /**
   * The strategy at a glance: its roll-up and each goal's, the goals at risk and their measures at
   * risk (what management's Cockpit shows).
   */
  @Transactional(readOnly = true)
  public StrategySummary summary() {
    StrategyView strategy = reads.current();
    List<StrategySummary.Goal> goals =
        strategy.goals().stream()
            .map(
                g -> {
                  List<String> atRisk =
                      g.objectives().stream()
                          .flatMap(o -> o.measures().stream())
                          .filter(
                              m ->
                                  m.status() == MeasureStatus.AT_RISK
                                      || m.status() == MeasureStatus.DELAYED)
                          .map(MeasureView::name)
                          .toList();
                  return new StrategySummary.Goal(
                      g.code(), g.name(), g.rollUp(), !atRisk.isEmpty(), atRisk);
                })
            .toList();
    return new StrategySummary(
        strategy.name(),
        strategy.municipality(),
        strategy.rollUp(),
        goals,
        (int) goals.stream().filter(StrategySummary.Goal::atRisk).count());
  }

  /** The measures one process instance moved, each with the changes it made, oldest first. */
  @Transactional(readOnly = true)
  public List<MovedMeasure> movedByInstance(String processInstanceId) {
    return moved(measureLog.changesByInstance(processInstanceId), true);
  }

  /** The measures the instances of a process model moved: how often, and the last change. */
  @Transactional(readOnly = true)
  public List<MovedMeasure> movedByProcess(String processDefinitionKey) {
    return moved(measureLog.changesByProcess(processDefinitionKey), false);
  }

  private List<MovedMeasure> moved(
      List<MeasureLogRepository.MeasureChange> changes, boolean withLog) {
    Map<String, List<MeasureLogRepository.MeasureChange>> byMeasure =
        changes.stream()
            .collect(
                Collectors.groupingBy(
                    MeasureLogRepository.MeasureChange::code,
                    LinkedHashMap::new,
                    Collectors.toList()));
    return byMeasure.entrySet().stream()
        .map(
            entry -> {
              MeasureView measure = reads.measure(entry.getKey());
              List<ChangeView> log =
                  entry.getValue().stream()
                      .map(MeasureLogRepository.MeasureChange::change)
                      .toList();
              return new MovedMeasure(
                  measure.code(),
                  measure.name(),
                  measure.status(),
                  measure.statusLabel(),
                  measure.progress(),
                  log.size(),
                  log.get(log.size() - 1),
                  withLog ? log : null);
            })
        .toList();
  }
}
