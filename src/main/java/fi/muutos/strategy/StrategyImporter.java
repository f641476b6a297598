package fi.muutos.strategy;

import fi.muutos.strategy.StrategyFile.EvaluationData;
import fi.muutos.strategy.StrategyFile.FindingData;
import fi.muutos.strategy.StrategyFile.GoalData;
import fi.muutos.strategy.StrategyFile.MeasureData;
import fi.muutos.strategy.StrategyFile.ObjectiveData;
import fi.muutos.strategy.StrategyFile.RatingData;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Writes a validated strategy file: upserts by code, in the caller's transaction. */
@Component
class StrategyImporter {

  private final StrategyRepository repository;

  StrategyImporter(StrategyRepository repository) {
    this.repository = repository;
  }

  /** Returns the result and the measures it created (for their first log entry and event). */
  Written write(StrategyFile file, ChangeSource.Import source, OffsetDateTime now) {
    var header = file.strategy();
    long strategyId =
        repository
            .idOf("mu_strategy", header.code())
            .map(
                id -> {
                  repository.update(
                      "update mu_strategy set name = ?, municipality = ?, adopted_on = ?, "
                          + "description = ? where id = ?",
                      header.name(),
                      header.municipality(),
                      header.adoptedOn(),
                      header.description(),
                      id);
                  return id;
                })
            .orElseGet(
                () ->
                    repository.insert(
                        "insert into mu_strategy (code, name, municipality, "
                            + "adopted_on, description) values (?, ?, ?, ?, ?)",
                        header.code(),
                        header.name(),
                        header.municipality(),
                        header.adoptedOn(),
                        header.description()));

    List<String> notInFile = new ArrayList<>();
    Map<String, Long> goalIds = new HashMap<>();
    int position = 0;
    for (GoalData goal : file.goals()) {
      goalIds.put(
          goal.code(),
          upsert(
              "mu_goal",
              goal.code(),
              "update mu_goal set strategy_id = ?, name = ?, owner_group = ?, starts_on = ?, "
                  + "ends_on = ?, position = ? where id = ?",
              "insert into mu_goal (strategy_id, name, owner_group, starts_on, ends_on, position, code) "
                  + "values (?, ?, ?, ?, ?, ?, ?)",
              strategyId,
              goal.name(),
              goal.owner(),
              goal.startsOn(),
              goal.endsOn(),
              position++));
    }
    notInFile.addAll(missing("mu_goal", strategyId, goalIds.keySet()));

    Map<String, Long> objectiveIds = new HashMap<>();
    position = 0;
    for (ObjectiveData objective : file.objectives()) {
      objectiveIds.put(
          objective.code(),
          upsert(
              "mu_objective",
              objective.code(),
              "update mu_objective set strategy_id = ?, goal_id = ?, name = ?, owner_group = ?, "
                  + "placement_note = ?, starts_on = ?, ends_on = ?, position = ? where id = ?",
              "insert into mu_objective (strategy_id, goal_id, name, owner_group, placement_note, "
                  + "starts_on, ends_on, position, code) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
              strategyId,
              objective.goal() == null ? null : goalIds.get(objective.goal()),
              objective.name(),
              objective.owner(),
              objective.placementNote(),
              objective.startsOn(),
              objective.endsOn(),
              position++));
    }
    notInFile.addAll(missing("mu_objective", strategyId, objectiveIds.keySet()));

    List<Measure> created = new ArrayList<>();
    List<String> statusesKept = new ArrayList<>();
    Set<String> measureCodes = new HashSet<>();
    int updated = 0;
    position = 0;
    for (MeasureData measure : file.measures()) {
      measureCodes.add(measure.code());
      Long objectiveId = measure.objective() == null ? null : objectiveIds.get(measure.objective());
      var existing = repository.measure(measure.code());
      if (existing.isPresent()) {
        repository.update(
            "update mu_measure set strategy_id = ?, objective_id = ?, name = ?, "
                + "description = ?, owner_group = ?, starts_on = ?, due_on = ?, position = ? "
                + "where id = ?",
            strategyId,
            objectiveId,
            measure.name(),
            measure.description(),
            measure.owner(),
            measure.startsOn(),
            measure.dueOn(),
            position++,
            existing.get().id());
        if (existing.get().status() != measure.status()) {
          statusesKept.add(measure.code());
        }
        updated++;
      } else {
        long id =
            repository.insert(
                "insert into mu_measure (strategy_id, objective_id, code, name, "
                    + "description, owner_group, starts_on, due_on, status, progress, note, position) "
                    + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                strategyId,
                objectiveId,
                measure.code(),
                measure.name(),
                measure.description(),
                measure.owner(),
                measure.startsOn(),
                measure.dueOn(),
                measure.status().name(),
                measure.progress(),
                measure.note(),
                position++);
        Measure state =
            new Measure(
                id,
                measure.code(),
                measure.owner(),
                measure.status(),
                measure.progress(),
                measure.note());
        repository.appendLog(id, now, null, null, state, source);
        created.add(state);
      }
    }
    notInFile.addAll(missing("mu_measure", strategyId, measureCodes));

    Set<String> evaluationCodes = new HashSet<>();
    for (EvaluationData evaluation : file.evaluations()) {
      evaluationCodes.add(evaluation.code());
      long evaluationId =
          upsert(
              "mu_evaluation",
              evaluation.code(),
              "update mu_evaluation set strategy_id = ?, name = ?, evaluator = ?, started_on = ?, "
                  + "ended_on = ?, method = ? where id = ?",
              "insert into mu_evaluation (strategy_id, name, evaluator, started_on, ended_on, method, "
                  + "code) values (?, ?, ?, ?, ?, ?, ?)",
              strategyId,
              evaluation.name(),
              evaluation.evaluator(),
              evaluation.startedOn(),
              evaluation.endedOn(),
              evaluation.method());
      // An evaluation's published results are replaced as a whole by the file's.
      repository.update("delete from mu_evaluation_rating where evaluation_id = ?", evaluationId);
      repository.update("delete from mu_evaluation_finding where evaluation_id = ?", evaluationId);
      for (RatingData rating : evaluation.ratings()) {
        repository.update(
            "insert into mu_evaluation_rating (evaluation_id, goal_id, objective_id, "
                + "verdict) values (?, ?, ?, ?)",
            evaluationId,
            rating.goal() ? goalIds.get(rating.target()) : null,
            rating.goal() ? null : objectiveIds.get(rating.target()),
            rating.verdict());
      }
      int findingPosition = 0;
      for (FindingData finding : evaluation.findings()) {
        repository.update(
            "insert into mu_evaluation_finding (evaluation_id, kind, text, position) "
                + "values (?, ?, ?, ?)",
            evaluationId,
            finding.kind(),
            finding.text(),
            findingPosition++);
      }
    }
    notInFile.addAll(missing("mu_evaluation", strategyId, evaluationCodes));

    return new Written(
        new ImportResult(
            header.code(),
            file.goals().size(),
            file.objectives().size(),
            created.size(),
            updated,
            file.evaluations().size(),
            notInFile,
            statusesKept),
        created);
  }

  record Written(ImportResult result, List<Measure> created) {}

  /** Update by code, or insert; the last parameter of both statements is id / code. */
  private long upsert(String table, String code, String update, String insert, Object... values) {
    return repository
        .idOf(table, code)
        .map(
            id -> {
              repository.update(update, append(values, id));
              return id;
            })
        .orElseGet(() -> repository.insert(insert, append(values, code)));
  }

  private List<String> missing(String table, long strategyId, Set<String> inFile) {
    return repository.codesOf(table, strategyId).stream().filter(c -> !inFile.contains(c)).toList();
  }

  private static Object[] append(Object[] values, Object last) {
    Object[] all = java.util.Arrays.copyOf(values, values.length + 1);
    all[values.length] = last;
    return all;
  }
}
