package fi.muutos.migration;

import fi.muutos.migration.MigrationReport.Move;
import fi.muutos.migration.MigrationReport.Stuck;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves running cases to the newest version of their process's model (ADR 0053). For each process,
 * each older version with running cases gets a plan from Camunda's migration API: every activity
 * mapped to the activity of the same id in the newest model ({@code mapEqualActivities}, timers and
 * message subscriptions updated to the new model's definitions), plus what a {@link ModelChange} of
 * the release adds. Each case moves in a transaction of its own: one that cannot move (it waits in
 * a state the new model no longer has) stays on its version and is reported; the others move. Runs
 * after every deployment ({@code muutos.migrations.on-start}, default on) and on an administrator's
 * call ({@code POST /api/admin/migrations}).
 */
@Service
public class ModelMigrations {

  private static final Logger LOG = LoggerFactory.getLogger(ModelMigrations.class);

  private final RepositoryService repositoryService;
  private final RuntimeService runtimeService;
  private final Map<String, List<ModelChange>> changes = new HashMap<>();
  private final boolean onStart;
  private final TransactionTemplate transaction;

  ModelMigrations(
      RepositoryService repositoryService,
      RuntimeService runtimeService,
      List<ModelChange> changes,
      PlatformTransactionManager transactions,
      @Value("${muutos.migrations.on-start:true}") boolean onStart) {
    this.repositoryService = repositoryService;
    this.runtimeService = runtimeService;
    this.transaction = new TransactionTemplate(transactions);
    changes.forEach(
        c -> this.changes.computeIfAbsent(c.processKey(), k -> new ArrayList<>()).add(c));
    this.onStart = onStart;
  }

  /** After the process application deployed its models: move the running cases. */
  @EventListener(org.camunda.bpm.spring.boot.starter.event.PostDeployEvent.class)
  void deployed() {
    if (!onStart) {
      LOG.info("Running cases are not moved at start (muutos.migrations.on-start=false)");
      return;
    }
    MigrationReport report = migrate();
    if (report.cases() > 0) {
      LOG.info(
          "Moved {} of {} running case(s) to the newest models; see GET /api/admin/migrations",
          report.moved(),
          report.cases());
    }
  }

  /** What would move, with each plan checked; nothing is changed. */
  public MigrationReport preview() {
    return run(false);
  }

  /** Moves every running case that can move; reports each that cannot. */
  public MigrationReport migrate() {
    return run(true);
  }

  private MigrationReport run(boolean execute) {
    List<Move> moves = new ArrayList<>();
    for (ProcessDefinition newest :
        repositoryService.createProcessDefinitionQuery().latestVersion().list()) {
      for (ProcessDefinition older :
          repositoryService
              .createProcessDefinitionQuery()
              .processDefinitionKey(newest.getKey())
              .list()) {
        if (older.getVersion() >= newest.getVersion()) {
          continue;
        }
        List<ProcessInstance> running =
            runtimeService.createProcessInstanceQuery().processDefinitionId(older.getId()).list();
        if (!running.isEmpty()) {
          moves.add(move(older, newest, running, execute));
        }
      }
    }
    return new MigrationReport(execute, moves);
  }

  private Move move(
      ProcessDefinition older,
      ProcessDefinition newest,
      List<ProcessInstance> running,
      boolean execute) {
    MigrationPlan plan;
    try {
      plan = plan(older, newest);
    } catch (RuntimeException e) {
      // the models cannot be mapped at all: every case stays, and the report says why
      LOG.warn("No migration of {} v{}: {}", older.getKey(), older.getVersion(), e.getMessage());
      return new Move(
          older.getKey(),
          older.getVersion(),
          newest.getVersion(),
          running.size(),
          0,
          "Mallia ei voi siirtää (the models cannot be mapped): " + e.getMessage(),
          List.of());
    }
    int moved = 0;
    List<Stuck> stuck = new ArrayList<>();
    if (execute) {
      for (ProcessInstance instance : running) {
        try {
          transaction.executeWithoutResult(
              status -> {
                moveOutOfRemovedStates(older.getKey(), instance.getId());
                runtimeService.newMigration(plan).processInstanceIds(instance.getId()).execute();
              });
          moved++;
        } catch (RuntimeException e) {
          LOG.warn(
              "Case {} stays on {} v{}: {}",
              instance.getBusinessKey(),
              older.getKey(),
              older.getVersion(),
              e.getMessage());
          stuck.add(new Stuck(instance.getId(), instance.getBusinessKey(), e.getMessage()));
        }
      }
    }
    return new Move(
        older.getKey(),
        older.getVersion(),
        newest.getVersion(),
        running.size(),
        moved,
        null,
        stuck);
  }

  /** A case waiting where the new model has no such state goes first where it would wait now. */
  private void moveOutOfRemovedStates(String processKey, String instanceId) {
    List<String> active = runtimeService.getActiveActivityIds(instanceId);
    for (ModelChange change : changes.getOrDefault(processKey, List.of())) {
      for (Map.Entry<String, String> move : change.moves().entrySet()) {
        if (active.contains(move.getKey())) {
          runtimeService
              .createProcessInstanceModification(instanceId)
              .cancelAllForActivity(move.getKey())
              .startBeforeActivity(move.getValue())
              .execute(false, true);
          active = runtimeService.getActiveActivityIds(instanceId);
        }
      }
    }
  }

  private MigrationPlan plan(ProcessDefinition older, ProcessDefinition newest) {
    MigrationPlanBuilder builder =
        runtimeService
            .createMigrationPlan(older.getId(), newest.getId())
            .mapEqualActivities()
            .updateEventTriggers();
    Map<String, Object> variables = new HashMap<>();
    for (ModelChange change : changes.getOrDefault(older.getKey(), List.of())) {
      change.instructions(builder);
      variables.putAll(change.variables());
    }
    if (!variables.isEmpty()) {
      builder.setVariables(variables);
    }
    return builder.build();
  }
}
