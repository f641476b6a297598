package fi.muutos.migration;

import static org.assertj.core.api.Assertions.assertThat;

import fi.muutos.MuutosApplication;
import fi.muutos.cases.Cases;
import fi.muutos.events.EventInbox;
import fi.muutos.strategy.ChangeSource;
import fi.muutos.strategy.MeasureStatus;
import fi.muutos.strategy.StatusChange;
import fi.muutos.strategy.StrategyService;
import fi.muutos.testing.OwnJvm;
import fi.muutos.testing.ProcessDriver;
import fi.muutos.testing.StrategyFixtures;
import fi.muutos.testing.ZoningSteps;
import fi.muutos.zoning.PlanType;
import fi.muutos.zoning.StartPlan;
import fi.muutos.zoning.ZoningPlanProcedure;
import fi.muutos.zoning.ZoningPlanProcedure.Started;
import fi.muutos.zoning.ZoningPlanProcess.Elements;
import fi.muutos.zoning.ZoningPlans;
import fi.muutos.zoning.ZoningStage;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An upgrade as a city runs it: the database holds the previous release's models
 * (src/test/resources/releases/previous) with cases parked at every waiting state of every process,
 * and real cases in the middle of their procedure; the new release starts on it, deploys its models
 * and moves the running cases (ADR 0053). Every parked case then runs on the newest version, at the
 * same waiting state; the real ones walk to their end under the new models.
 */
@OwnJvm
class ModelMigrationTest {

  static final Path PREVIOUS = Path.of("src/test/resources/releases/previous");

  /** A date far ahead: no parked timer fires during the test. */
  static final String LATER = "2099-01-01T00:00:00+02:00";

  @TempDir Path dataDir;

  @Test
  void casesOnThePreviousReleasesModelsMoveToTheNewOnesAndWalkToTheirEnd() throws IOException {
    String url = "jdbc:h2:file:" + dataDir.resolve("muutos") + ";DB_CLOSE_ON_EXIT=FALSE";
    Map<String, String> parked = new LinkedHashMap<>(); // instance id → waiting state
    List<String> notParked = new ArrayList<>();
    Map<String, List<String>> waitingBefore = new HashMap<>();
    String measure;
    Started plan;
    int previousVersion;
    try (ConfigurableApplicationContext previous = start(url, false)) {
      ProcessEngine engine = previous.getBean(ProcessEngine.class);
      deployPreviousRelease(engine.getRepositoryService());

      // every waiting state of every process of the previous release
      for (ProcessDefinition definition :
          engine.getRepositoryService().createProcessDefinitionQuery().latestVersion().list()) {
        if (!Files.exists(PREVIOUS.resolve(relative(definition.getResourceName())))) {
          continue; // a test model
        }
        BpmnModelInstance model =
            engine.getRepositoryService().getBpmnModelInstance(definition.getId());
        for (String state : waitingStates(model)) {
          try {
            String id =
                engine
                    .getRuntimeService()
                    .createProcessInstanceById(definition.getId())
                    .setVariables(parkingVariables())
                    .startBeforeActivity(state)
                    .execute(true, true)
                    .getId();
            parked.put(id, definition.getKey() + ":" + state);
            waitingBefore.put(id, engine.getRuntimeService().getActiveActivityIds(id));
          } catch (RuntimeException e) {
            notParked.add(definition.getKey() + ":" + state + " — " + e.getMessage());
          }
        }
      }
      assertThat(notParked).as("every waiting state can be parked").isEmpty();
      assertThat(parked).hasSizeGreaterThan(60);

      // a real plan in the middle of its display, for a measure its owner has finished
      StrategyService strategy = previous.getBean(StrategyService.class);
      ProcessDriver driver = previous.getBean(ProcessDriver.class);
      measure = StrategyFixtures.newMeasure(strategy, "kaavoitus", "NOT_STARTED");
      plan =
          previous
              .getBean(ZoningPlanProcedure.class)
              .start(
                  new StartPlan(
                      "Päivityksen kaava " + UUID.randomUUID(),
                      PlanType.MINOR_DETAILED_PLAN_CHANGE,
                      false,
                      "Satama",
                      List.of(measure),
                      null,
                      null));
      previousVersion = version(engine, plan.processInstanceId());
      assertThat(previousVersion)
          .as("started on the previous release's model")
          .isEqualTo(
              engine
                  .getRepositoryService()
                  .createProcessDefinitionQuery()
                  .processDefinitionKey("zoningPlan")
                  .latestVersion()
                  .singleResult()
                  .getVersion());
      driver.jobs(plan.processInstanceId(), Elements.MARK_MEASURE_IN_PROGRESS);
      driver.complete(
          plan.processInstanceId(),
          Elements.ANNOUNCE_INITIATION,
          ZoningSteps.announce("2026-01-05"));
      driver.complete(
          plan.processInstanceId(),
          Elements.PREPARE_PROPOSAL,
          ZoningSteps.proposal("2026-03-04", "Hämeen elinvoimakeskus"));
      strategy.changeStatus(
          measure,
          new StatusChange(MeasureStatus.DONE, null, "Tavoite saavutettu"),
          new ChangeSource.Person("kaavoittaja", Set.of("kaavoitus")));
    }

    try (ConfigurableApplicationContext next = start(url, true)) {
      ProcessEngine engine = next.getBean(ProcessEngine.class);
      RuntimeService runtime = engine.getRuntimeService();
      // the new release deployed its models, and moved every case at start
      for (Map.Entry<String, String> entry : parked.entrySet()) {
        var instance =
            runtime.createProcessInstanceQuery().processInstanceId(entry.getKey()).singleResult();
        String key = entry.getValue().substring(0, entry.getValue().indexOf(':'));
        ProcessDefinition newest =
            engine
                .getRepositoryService()
                .createProcessDefinitionQuery()
                .processDefinitionKey(key)
                .latestVersion()
                .singleResult();
        assertThat(instance.getProcessDefinitionId())
            .as(entry.getValue() + " runs on the newest model")
            .isEqualTo(newest.getId());
        // a state the release removed: the case waits where its ModelChange moved it
        Map<String, String> moves = new HashMap<>();
        next.getBeansOfType(ModelChange.class).values().stream()
            .filter(change -> change.processKey().equals(key))
            .forEach(change -> moves.putAll(change.moves()));
        assertThat(runtime.getActiveActivityIds(entry.getKey()))
            .as(entry.getValue() + " waits where it waited")
            .containsExactlyInAnyOrderElementsOf(
                waitingBefore.get(entry.getKey()).stream()
                    .map(id -> moves.getOrDefault(id, id))
                    .distinct()
                    .toList());
      }
      MigrationReport after = next.getBean(ModelMigrations.class).preview();
      assertThat(after.cases()).as("nothing left on an older model").isZero();

      // the real plan goes on under the new model: its statement, the display's end, ...
      ProcessDriver driver = next.getBean(ProcessDriver.class);
      String instance = plan.processInstanceId();
      assertThat(next.getBean(Cases.class).modelVersions(List.of(instance)).get(instance))
          .isGreaterThan(previousVersion);
      next.getBean(EventInbox.class)
          .receive(
              new EventInbox.Account("asianhallinta", false),
              List.of(
                  CloudEventBuilder.v1()
                      .withId(UUID.randomUUID().toString())
                      .withSource(URI.create("/asianhallinta/test"))
                      .withType("fi.muutos.zoning.statement.received")
                      .withSubject(plan.businessKey())
                      .withDataContentType("application/json")
                      .withData(
                          "{\"authority\":\"Hämeen elinvoimakeskus\",\"date\":\"2026-03-10\"}"
                              .getBytes(StandardCharsets.UTF_8))
                      .build()));
      driver.jobs(instance, Elements.DISPLAY_ENDED);
      // its task's form is found in the new model's deployment (formRefBinding="deployment")
      try (InputStream form =
          engine
              .getFormService()
              .getDeployedTaskForm(driver.task(instance, Elements.REPLY_TO_REMINDERS).getId())) {
        assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8))
            .contains("\"components\"");
      }
      driver.complete(
          instance, Elements.REPLY_TO_REMINDERS, fi.muutos.testing.ZoningSteps.reply(false));
      if (driver.active(instance).contains(Elements.BOARD_PROPOSAL)) {
        driver.complete(
            instance, Elements.BOARD_PROPOSAL, Map.of("boardProposalDate", "2026-03-19"));
      }
      driver.complete(
          instance,
          Elements.RECORD_DECISION,
          Map.of(
              "decisionBody",
              "Kaupunginvaltuusto",
              "decisionDate",
              "2026-04-20",
              "decisionOutcome",
              "APPROVED"));
      driver.complete(
          instance,
          Elements.LEGALITY_CHECK,
          Map.of("legalityCheckResult", "LAWFUL", "legalityCheckDate", "2026-04-20"));
      driver.complete(instance, Elements.PUBLISH_NOTICE, ZoningSteps.notice("2026-05-04"));
      driver.jobs(instance, Elements.APPEAL_PERIOD_ENDED);
      driver.complete(
          instance,
          Elements.CHECK_LEGAL_FORCE,
          Map.of("appealsLodged", false, "legalForceCheck", "Hämeenlinnan hallinto-oikeus"));
      ZoningPlans plans = next.getBean(ZoningPlans.class);
      String entry =
          plans
              .find(plan.planId())
              .legalDate(ZoningStage.LEGALLY_BINDING)
              .orElseThrow()
              .plusDays(14)
              .toString();
      driver.complete(
          instance,
          Elements.ENTRY_INTO_FORCE_NOTICE,
          Map.of("entryIntoForceDate", entry, "backdatingReason", ZoningSteps.REASON));
      driver.jobs(instance, Elements.NOTE_MEASURE);
      driver.jobs(instance, Elements.REPORT_LEAD_TIMES);
      assertThat(driver.ended(instance, Elements.END_IN_FORCE)).isTrue();
      assertThat(plans.find(plan.planId()).stage()).isEqualTo(ZoningStage.IN_FORCE);
      assertThat(next.getBean(StrategyService.class).measure(measure).status())
          .as("the new model's step only notes: the finished measure stays finished")
          .isEqualTo(MeasureStatus.DONE);
    }
  }

  /** The previous release's models, as the process application deployed them. */
  private static void deployPreviousRelease(RepositoryService repository) throws IOException {
    var current =
        repository
            .createDeploymentQuery()
            .deploymentName("muutos")
            .orderByDeploymentTime()
            .desc()
            .list()
            .get(0);
    DeploymentBuilder deployment =
        repository.createDeployment().name(current.getName()).source(current.getSource());
    try (Stream<Path> files = Files.walk(PREVIOUS)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String name = file.getFileName().toString();
        if (name.endsWith(".bpmn") || name.endsWith(".dmn") || name.endsWith(".form")) {
          try (InputStream in = Files.newInputStream(file)) {
            deployment.addInputStream(
                "processes/" + PREVIOUS.relativize(file).toString().replace('\\', '/'),
                new java.io.ByteArrayInputStream(in.readAllBytes()));
          }
        }
      }
    }
    deployment.deploy();
  }

  private static String relative(String resourceName) {
    return resourceName.startsWith("processes/")
        ? resourceName.substring("processes/".length())
        : resourceName;
  }

  /**
   * Where a case waits: user and receive tasks, catch events, event-based gateways and the jobs of
   * asynchronous steps; inside a multi-instance sub-process, the sub-process's instances (they
   * start at their first waiting state).
   */
  static List<String> waitingStates(BpmnModelInstance model) {
    List<String> states = new ArrayList<>();
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      boolean waits =
          node instanceof UserTask
              || node instanceof ReceiveTask
              || node instanceof IntermediateCatchEvent
              || node instanceof EventBasedGateway
              || node instanceof Activity activity && activity.isCamundaAsyncBefore();
      boolean afterEventGateway =
          node instanceof IntermediateCatchEvent
              && node.getIncoming().stream()
                  .anyMatch(flow -> flow.getSource() instanceof EventBasedGateway);
      if (!waits || afterEventGateway) {
        continue; // an event after an event-based gateway waits as the gateway
      }
      SubProcess multiInstance = multiInstanceAncestor(node);
      boolean ownLoop =
          node instanceof Activity
              && !node.getChildElementsByType(MultiInstanceLoopCharacteristics.class).isEmpty();
      String state =
          multiInstance != null
              ? multiInstance.getId() + "#multiInstanceBody"
              : ownLoop ? node.getId() + "#multiInstanceBody" : node.getId();
      if (!states.contains(state)) {
        states.add(state);
      }
    }
    return states;
  }

  private static SubProcess multiInstanceAncestor(FlowNode node) {
    var parent = node.getParentElement();
    while (parent != null) {
      if (parent instanceof SubProcess sub
          && !sub.getChildElementsByType(MultiInstanceLoopCharacteristics.class).isEmpty()) {
        return sub;
      }
      parent = parent.getParentElement();
    }
    return null;
  }

  /** What the waiting states' timers and multi-instance collections read. */
  static Map<String, Object> parkingVariables() {
    Map<String, Object> variables = new HashMap<>();
    for (String at :
        List.of(
            "displayEndsAt",
            "appealPeriodEndsAt",
            "furtherAppealEndsAt",
            "takeOverEndsAt",
            "surveyClosesAt",
            "entryIntoForceAt",
            "followUpAt",
            "nextCheckAt",
            "nextTermStartsAt",
            "registrationLapsesAt",
            "registrationWarnAt",
            "transferAt")) {
      variables.put(at, LATER);
    }
    for (String due :
        List.of(
            "registrationDeadline", "informDue", "legalForceCheckDue", "furtherAppealCheckDue")) {
      variables.put(due, LATER);
    }
    variables.put("statementDeadlines", new HashMap<>(Map.of("Hämeen elinvoimakeskus", LATER)));
    variables.put("statementRequests", new ArrayList<>(List.of("Hämeen elinvoimakeskus")));
    variables.put("committees", new ArrayList<>(List.of("Elinvoimalautakunta")));
    variables.put("surveyRespondents", new ArrayList<>(List.of("kaupunginjohtaja")));
    return variables;
  }

  private static int version(ProcessEngine engine, String instanceId) {
    String definition =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceId(instanceId)
            .singleResult()
            .getProcessDefinitionId();
    return engine.getRepositoryService().getProcessDefinition(definition).getVersion();
  }

  private static ConfigurableApplicationContext start(String url, boolean migrateOnStart) {
    return new SpringApplicationBuilder(MuutosApplication.class)
        .run(
            "--server.port=0",
            "--spring.datasource.url=" + url,
            "--camunda.bpm.job-execution.enabled=false",
            "--muutos.events.retry.enabled=false",
            "--muutos.notifications.enabled=false",
            "--muutos.migrations.on-start=" + migrateOnStart);
  }
}
