package fi.muutos.strategy;

import fi.muutos.strategy.StrategyFile.EvaluationData;
import fi.muutos.strategy.StrategyFile.FindingData;
import fi.muutos.strategy.StrategyFile.GoalData;
import fi.muutos.strategy.StrategyFile.MeasureData;
import fi.muutos.strategy.StrategyFile.ObjectiveData;
import fi.muutos.strategy.StrategyFile.RatingData;
import fi.muutos.strategy.StrategyFileRepository.Coded;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Writes a validated strategy file, item by item by code (update or insert), in the caller's
 * transaction: the strategy, its goals, objectives, measures and evaluations, each listing what the
 * database has that the file no longer names (kept, reported).
 */
@Component
class StrategyImporter {

  private final StrategyFileRepository files;
  private final StrategyRepository strategies;
  private final MeasureLogRepository measureLog;

  StrategyImporter(
      StrategyFileRepository files,
      StrategyRepository strategies,
      MeasureLogRepository measureLog) {
    this.measureLog = measureLog;
    this.files = files;
    this.strategies = strategies;
  }

  /** The result, and the measures the file created (for their first log entry and event). */
  record Written(ImportResult result, List<Measure> created) {}

  /** What one import has written so far. */
  private static final class Run {
    final long strategyId;
    final Map<String, Long> goalIds = new HashMap<>();
    final Map<String, Long> objectiveIds = new HashMap<>();
    final List<String> notInFile = new ArrayList<>();
    final List<Measure> created = new ArrayList<>();
    final List<String> statusesKept = new ArrayList<>();
    int updatedMeasures;

    Run(long strategyId) {
      this.strategyId = strategyId;
    }
  }

  Written write(StrategyFile file, ChangeSource.Import source, OffsetDateTime now) {
    Run run = new Run(files.strategy(file.strategy()));
    writeGoals(run, file.goals());
    writeObjectives(run, file.objectives());
    writeMeasures(run, file.measures(), source, now);
    writeEvaluations(run, file.evaluations());
    return new Written(
        new ImportResult(
            file.strategy().code(),
            file.goals().size(),
            file.objectives().size(),
            run.created.size(),
            run.updatedMeasures,
            file.evaluations().size(),
            run.notInFile,
            run.statusesKept),
        run.created);
  }

  private void writeGoals(Run run, List<GoalData> goals) {
    int position = 0;
    for (GoalData goal : goals) {
      run.goalIds.put(goal.code(), files.goal(run.strategyId, goal, position++));
    }
    notInFile(run, Coded.GOAL, run.goalIds.keySet());
  }

  private void writeObjectives(Run run, List<ObjectiveData> objectives) {
    int position = 0;
    for (ObjectiveData objective : objectives) {
      Long goalId = objective.goal() == null ? null : run.goalIds.get(objective.goal());
      run.objectiveIds.put(
          objective.code(), files.objective(run.strategyId, goalId, objective, position++));
    }
    notInFile(run, Coded.OBJECTIVE, run.objectiveIds.keySet());
  }

  /**
   * A measure the database has keeps the status its work gave it (the file's status is reported as
   * kept); a new one starts with the file's status and a first log entry.
   */
  private void writeMeasures(
      Run run, List<MeasureData> measures, ChangeSource.Import source, OffsetDateTime now) {
    int position = 0;
    for (MeasureData measure : measures) {
      Long objectiveId =
          measure.objective() == null ? null : run.objectiveIds.get(measure.objective());
      var existing = strategies.measure(measure.code());
      if (existing.isPresent()) {
        files.updateMeasure(existing.get().id(), run.strategyId, objectiveId, measure, position++);
        if (existing.get().status() != measure.status()) {
          run.statusesKept.add(measure.code());
        }
        run.updatedMeasures++;
      } else {
        long id = files.insertMeasure(run.strategyId, objectiveId, measure, position++);
        Measure state =
            new Measure(
                id,
                measure.code(),
                measure.owner(),
                measure.status(),
                measure.progress(),
                measure.note());
        measureLog.appendLog(id, now, null, null, state, source);
        run.created.add(state);
      }
    }
    notInFile(run, Coded.MEASURE, measures.stream().map(MeasureData::code).toList());
  }

  /** An evaluation's published results are replaced as a whole by the file's. */
  private void writeEvaluations(Run run, List<EvaluationData> evaluations) {
    for (EvaluationData evaluation : evaluations) {
      long id = files.evaluation(run.strategyId, evaluation);
      for (RatingData rating : evaluation.ratings()) {
        files.rating(
            id,
            rating.goal() ? run.goalIds.get(rating.target()) : null,
            rating.goal() ? null : run.objectiveIds.get(rating.target()),
            rating.verdict());
      }
      int position = 0;
      for (FindingData finding : evaluation.findings()) {
        files.finding(id, finding.kind(), finding.text(), position++);
      }
    }
    notInFile(run, Coded.EVALUATION, evaluations.stream().map(EvaluationData::code).toList());
  }

  private void notInFile(Run run, Coded table, java.util.Collection<String> inFile) {
    Set<String> named = Set.copyOf(inFile);
    files.codesOf(table, run.strategyId).stream()
        .filter(code -> !named.contains(code))
        .forEach(run.notInFile::add);
  }
}
