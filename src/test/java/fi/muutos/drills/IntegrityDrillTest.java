package fi.muutos.drills;

import static fi.muutos.zoning.ZoningPlanProcess.Elements.ANNOUNCE_INITIATION;
import static fi.muutos.zoning.ZoningPlanProcess.Elements.DISPLAY_ENDED;
import static fi.muutos.zoning.ZoningPlanProcess.Elements.ENTRY_INTO_FORCE_NOTICE;
import static fi.muutos.zoning.ZoningPlanProcess.Elements.PREPARE_PROPOSAL;
import static fi.muutos.zoning.ZoningPlanProcess.Elements.PUBLISH_NOTICE;
import static fi.muutos.zoning.ZoningPlanProcess.Elements.RECORD_DECISION;
import static fi.muutos.zoning.ZoningPlanProcess.Elements.REPLY_TO_REMINDERS;
import static fi.muutos.zoning.ZoningPlanProcess.Elements.STATEMENT_RECEIVED;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.muutos.testing.HttpTestClient;
import fi.muutos.testing.IntegrationTest;
import fi.muutos.testing.ProcessDriver;
import fi.muutos.testing.ZoningSteps;
import fi.muutos.zoning.PlanType;
import fi.muutos.zoning.StartPlan;
import fi.muutos.zoning.ZoningPlanProcedure;
import fi.muutos.zoning.ZoningPlanProcedure.Started;
import fi.muutos.zoning.ZoningPlanProcess;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The integrity drill: as every demo user and anonymously, every documented way around the
 * statutory procedure through the engine REST API (and its neighbours). Each must be refused with a
 * 4xx and change nothing: not the plan's stages, not its history, variables, tasks, jobs (their
 * retries and due dates), job log, comments or operation log. Then the refusals that the APIs make
 * themselves (events, business keys, sign-in, cross-site requests, webapps), and at the end one
 * plan walked to legal force through the same APIs, to show that nothing legitimate broke. Writes
 * its counts to {@code target/drills/integrity.md}.
 */
@IntegrationTest
class IntegrityDrillTest {

  /** Everyone but the administrator, and anonymous (""). */
  static final List<String> USERS =
      List.of(
          "kaavoittaja",
          "kirjaaja",
          "hallintojohtaja",
          "henkilostopaallikko",
          "talousjohtaja",
          "kaupunginjohtaja",
          "kokousjarjestelma",
          "asianhallinta",
          "");

  @LocalServerPort int port;
  @Autowired ZoningPlanProcedure procedure;
  @Autowired ProcessDriver driver;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;
  @Autowired java.time.Clock clock;
  @Autowired org.springframework.context.ApplicationContext context;

  private final HttpClient http = HttpClient.newHttpClient();
  private HttpTestClient client;

  @BeforeEach
  void client() {
    client = new HttpTestClient(port);
  }

  @AfterEach
  void clock() {
    ClockUtil.reset();
  }

  /** One attempt: what, and for whom it is not an attack (they may do it). */
  record Attack(String name, String method, String path, String body, List<String> mayDo) {
    Attack(String name, String method, String path, String body) {
      this(name, method, path, body, List.of());
    }
  }

  @Test
  void everyBypassIsRefusedAndChangesNothing() throws Exception {
    Started a = startAt(PREPARE_PROPOSAL); // waits for the planner's task
    Started b = startAt(STATEMENT_RECEIVED); // on display: timers running
    String taskA = driver.task(a.processInstanceId(), PREPARE_PROPOSAL).getId();
    String timerB =
        managementService
            .createJobQuery()
            .processInstanceId(b.processInstanceId())
            .activityId(DISPLAY_ENDED)
            .singleResult()
            .getId();
    String waitingB =
        runtimeService
            .createExecutionQuery()
            .processInstanceId(b.processInstanceId())
            .activityId(STATEMENT_RECEIVED)
            .list()
            .get(0)
            .getId();
    String definition =
        runtimeService
            .createProcessInstanceQuery()
            .processInstanceId(a.processInstanceId())
            .singleResult()
            .getProcessDefinitionId();
    String reformKey = startReform();

    String formValues = ZoningSteps.json(ZoningSteps.proposal("2026-03-04", ""));
    String startValues =
        "\"planName\":{\"value\":\"Ohituskaava\"},\"planType\":{\"value\":"
            + "\"MINOR_DETAILED_PLAN_CHANGE\"},\"significant\":{\"value\":false,\"type\":\"Boolean\"}";
    String into =
        "{\"type\":\"startBeforeActivity\",\"activityId\":\"" + ENTRY_INTO_FORCE_NOTICE + "\"}";
    List<Attack> attacks =
        List.of(
            new Attack("execute a timer now", "POST", "/job/" + timerB + "/execute", "{}"),
            new Attack("job retries to 0", "PUT", "/job/" + timerB + "/retries", "{\"retries\":0}"),
            new Attack(
                "all job retries",
                "POST",
                "/job/retries",
                "{\"jobIds\":[\"" + timerB + "\"],\"retries\":0}"),
            new Attack(
                "timer due now",
                "PUT",
                "/job/" + timerB + "/duedate",
                "{\"duedate\":\"2020-01-01T00:00:00.000+0000\"}"),
            new Attack(
                "recalculate due date", "POST", "/job/" + timerB + "/duedate/recalculate", "{}"),
            new Attack(
                "suspend the timer",
                "PUT",
                "/job/" + timerB + "/suspended",
                "{\"suspended\":true}"),
            new Attack(
                "task variable: display days",
                "PUT",
                "/task/" + taskA + "/variables/displayDays",
                "{\"value\":1,\"type\":\"Integer\"}"),
            new Attack(
                "task variables: skip the draft",
                "POST",
                "/task/" + taskA + "/variables",
                "{\"modifications\":{\"draftStage\":{\"value\":false,\"type\":\"Boolean\"}}}"),
            new Attack(
                "task local variable",
                "PUT",
                "/task/" + taskA + "/localVariables/displayDays",
                "{\"value\":1,\"type\":\"Integer\"}"),
            new Attack(
                "complete with an extra field",
                "POST",
                "/task/" + taskA + "/complete",
                "{\"variables\":{"
                    + formValues
                    + ",\"displayDays\":{\"value\":1,\"type\":"
                    + "\"Integer\"}}}"),
            new Attack(
                "submit a form with a measure",
                "POST",
                "/task/" + taskA + "/submit-form",
                "{\"variables\":{" + formValues + ",\"measures\":{\"value\":\"M-X\"}}}"),
            new Attack(
                "resolve with variables",
                "POST",
                "/task/" + taskA + "/resolve",
                "{\"variables\":{\"authoritiesMeeting\":{\"value\":false,\"type\":\"Boolean\"}}}"),
            new Attack(
                "assign the task",
                "POST",
                "/task/" + taskA + "/assignee",
                "{\"userId\":\"hallintojohtaja\"}"),
            new Attack(
                "delegate the task",
                "POST",
                "/task/" + taskA + "/delegate",
                "{\"userId\":\"hallintojohtaja\"}"),
            new Attack(
                "claim for another group's member",
                "POST",
                "/task/" + taskA + "/claim",
                "{\"userId\":\"kirjaaja\"}"),
            new Attack(
                "claim for an integration account",
                "POST",
                "/task/" + taskA + "/claim",
                "{\"userId\":\"asianhallinta\"}"),
            new Attack("unclaim", "POST", "/task/" + taskA + "/unclaim", null),
            new Attack(
                "end the step with an error",
                "POST",
                "/task/" + taskA + "/bpmnError",
                "{\"errorCode\":\"x\",\"variables\":{\"displayDays\":{\"value\":1,"
                    + "\"type\":\"Integer\"},\"approvingBody\":{\"value\":\"DELEGATED\"}}}"),
            new Attack(
                "end the step with an escalation",
                "POST",
                "/task/" + taskA + "/bpmnEscalation",
                "{\"escalationCode\":\"x\",\"variables\":{\"displayDays\":{\"value\":1,"
                    + "\"type\":\"Integer\"}}}"),
            new Attack(
                "change the task's name and due date",
                "PUT",
                "/task/" + taskA,
                "{\"name\":\"Ohitettu\",\"due\":\"2020-01-01T00:00:00.000+0000\"}"),
            new Attack(
                "add a candidate group",
                "POST",
                "/task/" + taskA + "/identity-links",
                "{\"groupId\":\"talous\",\"type\":\"candidate\"}"),
            new Attack("a task of one's own", "POST", "/task/create", "{\"name\":\"Oma\"}"),
            new Attack(
                "a Java object as a form value",
                "POST",
                "/task/" + taskA + "/submit-form",
                "{\"variables\":{"
                    + formValues
                    + ",\"proposalSummary\":{\"value\":\"{}\",\"type\":\"Object\","
                    + "\"valueInfo\":{\"objectTypeName\":\"java.io.FileOutputStream\","
                    + "\"serializationDataFormat\":\"application/json\"}}}}"),
            new Attack(
                "a number as a text field",
                "POST",
                "/task/" + taskA + "/submit-form",
                "{\"variables\":{"
                    + formValues
                    + ",\"proposalSummary\":{\"value\":5,\"type\":\"Integer\"}}}"),
            new Attack(
                "start the Ryhti correction (only the delivery starts it)",
                "POST",
                "/process-definition/key/ryhtiCorrection/start",
                "{\"businessKey\":\"" + a.businessKey() + "\"}"),
            new Attack(
                "start a reform through the engine",
                "POST",
                "/process-definition/key/organisationReform/start",
                "{}",
                List.of("hallintojohtaja")),
            new Attack(
                "start a transfer through the engine",
                "POST",
                "/process-definition/key/serviceTransfer/start",
                "{}",
                List.of("hallintojohtaja")),
            new Attack(
                "start an evaluation through the engine",
                "POST",
                "/process-definition/key/strategyEvaluation/start",
                "{}",
                List.of("hallintojohtaja")),
            new Attack(
                "a planning review under a plan's key",
                "POST",
                "/process-definition/key/planningReview/start",
                "{\"businessKey\":\"" + a.businessKey() + "\"}"),
            new Attack(
                "evaluate the variant table",
                "POST",
                "/decision-definition/key/zoningPlanVariant/evaluate",
                "{\"variables\":{}}"),
            new Attack(
                "a filter of one's own",
                "POST",
                "/filter/create",
                "{\"resourceType\":\"Task\",\"name\":\"Kaikki\",\"query\":{}}"),
            new Attack(
                "an authorization",
                "POST",
                "/authorization/create",
                "{\"type\":1,\"permissions\":[\"ALL\"],\"userId\":\"kaavoittaja\","
                    + "\"resourceType\":0,\"resourceId\":\"*\"}"),
            new Attack(
                "join the administrators", "PUT", "/group/camunda-admin/members/kaavoittaja", null),
            new Attack(
                "read the Optimize export of variable updates",
                "GET",
                "/optimize/variable-update?maxResults=10",
                null),
            new Attack(
                "raise an incident",
                "POST",
                "/execution/" + waitingB + "/create-incident",
                "{\"incidentType\":\"failedJob\",\"message\":\"x\"}"),
            new Attack(
                "suspend the process definition",
                "PUT",
                "/process-definition/" + definition + "/suspended",
                "{\"suspended\":true,\"includeProcessInstances\":true}"),
            new Attack(
                "shorten the record's life",
                "POST",
                "/history/process-instance/set-removal-time",
                "{\"absoluteRemovalTime\":\"2020-01-01T00:00:00.000+0000\","
                    + "\"historicProcessInstanceIds\":[\""
                    + a.processInstanceId()
                    + "\"]}"),
            new Attack(
                "try a colleague's password",
                "POST",
                "/identity/verify",
                "{\"username\":\"admin\",\"password\":\"arvaus\"}"),
            new Attack(
                "JSON nested 2,000 deep", "POST", "/message", "[".repeat(2000) + "]".repeat(2000)),
            new Attack(
                "comment another group's task",
                "POST",
                "/task/" + taskA + "/comment/create",
                "{\"message\":\"hyväksytty\"}",
                List.of("kaavoittaja")),
            new Attack(
                "start in force",
                "POST",
                "/process-definition/key/zoningPlan/start",
                "{\"businessKey\":\"KAAVA-OHITUS-"
                    + UUID.randomUUID()
                    + "\",\"variables\":{"
                    + startValues
                    + "},\"startInstructions\":["
                    + into
                    + "]}"),
            new Attack(
                "start skipping listeners",
                "POST",
                "/process-definition/key/zoningPlan/start",
                "{\"variables\":{"
                    + startValues
                    + "},\"startInstructions\":["
                    + into
                    + "],\"skipCustomListeners\":true,\"skipIoMappings\":true}"),
            new Attack(
                "start with a reform's key",
                "POST",
                "/process-definition/key/zoningPlan/start",
                "{\"businessKey\":\"" + reformKey + "\",\"variables\":{" + startValues + "}}"),
            new Attack(
                "start with a measure",
                "POST",
                "/process-definition/key/zoningPlan/start",
                "{\"variables\":{" + startValues + ",\"measures\":{\"value\":\"M-X\"}}}"),
            new Attack(
                "start form with display days",
                "POST",
                "/process-definition/key/zoningPlan/submit-form",
                "{\"variables\":{"
                    + startValues
                    + ",\"displayDays\":{\"value\":1,\"type\":\"Integer\"}}}"),
            new Attack(
                "restart at another activity",
                "POST",
                "/process-definition/" + definition + "/restart",
                "{\"processInstanceIds\":[\""
                    + a.processInstanceId()
                    + "\"],\"instructions\":["
                    + into
                    + "]}"),
            new Attack(
                "correlate a decision",
                "POST",
                "/message",
                "{\"messageName\":\"decisionMade\","
                    + "\"businessKey\":\""
                    + b.businessKey()
                    + "\",\"all\":true}"),
            new Attack("send a signal", "POST", "/signal", "{\"name\":\"kaikki\"}"),
            new Attack(
                "evaluate conditions",
                "POST",
                "/condition",
                "{\"variables\":{\"x\":{\"value\":1,\"type\":\"Integer\"}}}"),
            new Attack(
                "trigger a receive task", "POST", "/execution/" + waitingB + "/signal", "{}"),
            new Attack(
                "trigger a message subscription",
                "POST",
                "/execution/" + waitingB + "/messageSubscriptions/statementReceived/trigger",
                "{}"),
            new Attack(
                "instance variable",
                "PUT",
                "/process-instance/" + a.processInstanceId() + "/variables/displayDays",
                "{\"value\":1,\"type\":\"Integer\"}"),
            new Attack(
                "instance variables",
                "POST",
                "/process-instance/" + a.processInstanceId() + "/variables",
                "{\"modifications\":{\"draftStage\":{\"value\":false," + "\"type\":\"Boolean\"}}}"),
            new Attack(
                "modify the instance",
                "POST",
                "/process-instance/" + a.processInstanceId() + "/modification",
                "{\"instructions\":[" + into + "]}"),
            new Attack(
                "suspend the instance",
                "PUT",
                "/process-instance/" + a.processInstanceId() + "/suspended",
                "{\"suspended\":true}"),
            new Attack(
                "delete the instance",
                "DELETE",
                "/process-instance/" + a.processInstanceId(),
                null),
            new Attack(
                "migrate the instance",
                "POST",
                "/migration/execute",
                "{\"migrationPlan\":{"
                    + "\"sourceProcessDefinitionId\":\""
                    + definition
                    + "\",\"targetProcessDefinitionId\":\""
                    + definition
                    + "\",\"instructions\":[]},\"processInstanceIds\":[\""
                    + a.processInstanceId()
                    + "\"]}"),
            new Attack(
                "fetch external tasks",
                "POST",
                "/external-task/fetchAndLock",
                "{\"workerId\":\"w\",\"maxTasks\":5,\"topics\":[{\"topicName\":\"x\","
                    + "\"lockDuration\":1000}]}"),
            new Attack(
                "delete history",
                "DELETE",
                "/history/process-instance/" + a.processInstanceId(),
                null),
            new Attack(
                "delete history in bulk",
                "POST",
                "/history/process-instance/delete",
                "{\"historicProcessInstanceIds\":[\""
                    + a.processInstanceId()
                    + "\"],"
                    + "\"deleteReason\":\"x\"}"));

    Map<String, String> before = Map.of("a", snapshot(a), "b", snapshot(b));
    String casesBefore = cases();
    Map<String, Integer> refusals = new LinkedHashMap<>();
    List<String> failures = new ArrayList<>();
    for (Attack attack : attacks) {
      for (String user : USERS) {
        if (attack.mayDo().contains(user)) {
          continue;
        }
        for (int repeat = 0; repeat < (attack.name().startsWith("execute") ? 3 : 1); repeat++) {
          HttpResponse<String> response = engineRest(user, attack);
          int status = response.statusCode();
          if (status < 400 || status >= 500) {
            failures.add(
                attack.name()
                    + " as "
                    + (user.isEmpty() ? "anonymous" : user)
                    + ": "
                    + status
                    + " "
                    + response.body());
          }
          refusals.merge(attack.name(), 1, Integer::sum);
        }
        String afterA = snapshot(a);
        String afterB = snapshot(b);
        if (!afterA.equals(before.get("a"))
            || !afterB.equals(before.get("b"))
            || !cases().equals(casesBefore)) {
          failures.add(
              attack.name()
                  + " as "
                  + user
                  + " changed the case:\n"
                  + before.get("a")
                  + "\n->\n"
                  + afterA
                  + "\n"
                  + before.get("b")
                  + "\n->\n"
                  + afterB);
        }
      }
    }
    assertThat(failures).as("bypasses that were not refused, or changed something").isEmpty();
    DrillReport.write(
        "integrity.md",
        "Integrity drill: "
            + attacks.size()
            + " bypasses × "
            + USERS.size()
            + " accounts (8 demo users without admin rights and anonymous), "
            + refusals.values().stream().mapToInt(Integer::intValue).sum()
            + " requests, all "
            + "refused with a 4xx; no stage, history row, variable, task, job, job log, comment or "
            + "operation-log row changed.\n");
  }

  @Test
  void theRulesOfTheTaskAnswerFourHundredWithTheirFinnishText() throws Exception {
    Started a = startAt(PREPARE_PROPOSAL);
    String task = driver.task(a.processInstanceId(), PREPARE_PROPOSAL).getId();
    String before = snapshot(a);
    HttpResponse<String> rule =
        engineRest(
            "kaavoittaja",
            new Attack(
                "rule",
                "POST",
                "/task/" + task + "/complete",
                "{\"variables\":{\"proposalDisplayStart\":{\"value\":"
                    + "\"eilen\"},\"statementAuthorities\":{\"value\":\"\"}}}"));
    assertThat(rule.statusCode()).as(rule.body()).isEqualTo(400);
    assertThat(json.readTree(rule.body()).path("message").asText())
        .contains("ei voi merkitä valmiiksi")
        .contains("proposalDisplayStart");
    HttpResponse<String> wrongType =
        engineRest(
            "kaavoittaja",
            new Attack(
                "type",
                "POST",
                "/task/" + task + "/complete",
                "{\"variables\":{\"proposalDisplayStart\":{\"value\":"
                    + "\"2026-03-04\"},\"statementAuthorities\":{\"value\":5,\"type\":\"Integer\"}}}"));
    assertThat(wrongType.statusCode()).as(wrongType.body()).isBetween(400, 499);
    HttpResponse<String> serialized =
        engineRest(
            "kaavoittaja",
            new Attack(
                "java",
                "POST",
                "/task/" + task + "/complete",
                "{\"variables\":{\"proposalDisplayStart\":{\"value\":"
                    + "\"rO0ABXQAAA==\",\"type\":\"Object\",\"valueInfo\":{\"objectTypeName\":"
                    + "\"java.lang.String\",\"serializationDataFormat\":"
                    + "\"application/x-java-serialized-object\"}}}}"));
    assertThat(serialized.statusCode()).as(serialized.body()).isBetween(400, 499);
    HttpResponse<String> condition =
        engineRest(
            "admin",
            new Attack(
                "condition",
                "POST",
                "/condition",
                "{\"variables\":{\"x\":{\"value\":1,\"type\":\"Integer\"}}}"));
    assertThat(condition.statusCode()).as(condition.body()).isEqualTo(400);
    assertThat(snapshot(a)).isEqualTo(before);
  }

  @Test
  void aRefusedJobExecutionLeavesTheJobAsItWas() {
    Started b = startAt(STATEMENT_RECEIVED);
    var timer =
        managementService
            .createJobQuery()
            .processInstanceId(b.processInstanceId())
            .activityId(DISPLAY_ENDED)
            .singleResult();
    for (int i = 0; i < 5; i++) {
      assertThat(
              engineRest(
                      "kaavoittaja",
                      new Attack("x", "POST", "/job/" + timer.getId() + "/execute", "{}"))
                  .statusCode())
          .isEqualTo(403);
    }
    var after = managementService.createJobQuery().jobId(timer.getId()).singleResult();
    assertThat(after.getRetries()).isEqualTo(timer.getRetries());
    assertThat(after.getDuedate()).isEqualTo(timer.getDuedate());
    assertThat(after.getExceptionMessage()).isNull();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from act_hi_job_log where job_id_ = ? and "
                    + "job_exception_msg_ is not null",
                Integer.class,
                timer.getId()))
        .isZero();
  }

  @Test
  void businessKeysAreUniqueAcrossProcessesAndKeepTheirPrefix() throws Exception {
    String reformKey = startReform();
    HttpResponse<String> plan =
        client.postJson(
            "/api/zoning/plans",
            "kaavoittaja",
            "demo",
            "{\"name\":\"Kaava\",\"type\":\"DETAILED_PLAN\",\"businessKey\":\""
                + reformKey
                + "\"}");
    assertThat(plan.statusCode()).as(plan.body()).isEqualTo(400);
    assertThat(plan.body()).contains("KAAVA-");
    String planKey = "KAAVA-UNIQ-" + UUID.randomUUID().toString().substring(0, 8);
    assertThat(
            client
                .postJson(
                    "/api/zoning/plans",
                    "kaavoittaja",
                    "demo",
                    "{\"name\":\"Kaava\","
                        + "\"type\":\"DETAILED_PLAN\",\"businessKey\":\""
                        + planKey
                        + "\"}")
                .statusCode())
        .isEqualTo(201);
    HttpResponse<String> reform =
        client.postJson(
            "/api/reforms",
            "hallintojohtaja",
            "demo",
            "{\"name\":\"Uudistus\",\"effectiveDate\":\"2027-01-01\",\"committees\":"
                + "[\"Elinvoimalautakunta\"],\"divisions\":[\"Elinvoima\"],\"businessKey\":\""
                + planKey
                + "\"}");
    assertThat(reform.statusCode()).as(reform.body()).isBetween(400, 409);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from act_hi_procinst where business_key_ = ?",
                Integer.class,
                planKey))
        .isOne();
    assertThat(
            jdbc.queryForObject(
                "select process_key from mu_case where business_key = ?", String.class, planKey))
        .isEqualTo(ZoningPlanProcess.KEY);
  }

  @Test
  void eventsComeOnlyFromTheirSendersAndAForgeryDoesNotWin() throws Exception {
    int stored = count("mu_inbound_event");
    HttpResponse<String> wrongType =
        event(
            "kokousjarjestelma",
            "/dynasty/heinola",
            UUID.randomUUID().toString(),
            "fi.muutos.zoning.statement.received",
            "{\"authority\":\"Hämeen elinvoimakeskus\",\"date\":\"2026-03-10\"}");
    assertThat(wrongType.statusCode()).as(wrongType.body()).isEqualTo(403);
    HttpResponse<String> wrongSource =
        event(
            "asianhallinta",
            "/dynasty/heinola",
            UUID.randomUUID().toString(),
            "fi.muutos.zoning.statement.received",
            "{\"authority\":\"Hämeen elinvoimakeskus\",\"date\":\"2026-03-10\"}");
    assertThat(wrongSource.statusCode()).as(wrongSource.body()).isEqualTo(403);
    assertThat(count("mu_inbound_event")).isEqualTo(stored);

    String id = UUID.randomUUID().toString();
    String real = "{\"authority\":\"Hämeen elinvoimakeskus\",\"date\":\"2026-03-10\"}";
    assertThat(
            event(
                    "asianhallinta",
                    "/asianhallinta/x",
                    id,
                    "fi.muutos.zoning.statement.received",
                    real)
                .statusCode())
        .isEqualTo(202);
    HttpResponse<String> forged =
        event(
            "asianhallinta",
            "/asianhallinta/x",
            id,
            "fi.muutos.zoning.statement.received",
            "{\"authority\":\"Hämeen elinvoimakeskus\",\"date\":\"2026-03-10\",\"objections\":true}");
    assertThat(forged.statusCode()).as(forged.body()).isEqualTo(409);
    assertThat(
            event(
                    "asianhallinta",
                    "/asianhallinta/x",
                    id,
                    "fi.muutos.zoning.statement.received",
                    real)
                .statusCode())
        .isEqualTo(202); // a true repeat
    assertThat(client.get("/api/events/conflicts", "admin", "demo").body())
        .contains(id)
        .contains("objections");
    assertThat(client.get("/api/events/conflicts", "asianhallinta", "demo").statusCode())
        .isEqualTo(403);
  }

  @Test
  void wrongPasswordsDelayAnAccountButNeverLockItForGood() {
    String userId = "lukko" + UUID.randomUUID().toString().substring(0, 8);
    newUser(userId, "oikea-salasana", "kaavoitus");
    for (int i = 0; i < 15; i++) {
      assertThat(client.get("/api/zoning/plans", userId, "väärä").statusCode()).isEqualTo(401);
    }
    assertThat(client.get("/api/zoning/plans", userId, "oikea-salasana").statusCode())
        .as("still delayed")
        .isEqualTo(401);
    ClockUtil.offset(61_000L); // the longest delay (login-delay-max-time) has passed
    assertThat(client.get("/api/zoning/plans", userId, "oikea-salasana").statusCode())
        .as("the delay ends by itself")
        .isEqualTo(200);
  }

  @Test
  void browsersGetNoBasicChallengeAndCannotChangeStateFromAnotherSite() throws Exception {
    HttpResponse<String> browser =
        send(
            HttpRequest.newBuilder(uri("/api/strategy"))
                .header("Sec-Fetch-Mode", "navigate")
                .header("Accept", "text/html")
                .GET());
    assertThat(browser.statusCode()).isEqualTo(401);
    assertThat(browser.headers().firstValue("WWW-Authenticate")).isEmpty();
    HttpResponse<String> apiClient = send(HttpRequest.newBuilder(uri("/api/strategy")).GET());
    assertThat(apiClient.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(value -> assertThat(value).startsWith("Basic"));

    Started plan = startAt(ANNOUNCE_INITIATION);
    String suspend = "/api/zoning/plans/" + plan.planId() + "/suspend";
    for (HttpRequest.Builder crossSite :
        List.of(
            HttpRequest.newBuilder(uri(suspend))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("")),
            HttpRequest.newBuilder(uri(suspend)).POST(HttpRequest.BodyPublishers.noBody()),
            HttpRequest.newBuilder(uri(suspend))
                .header("Content-Type", "application/json")
                .header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.noBody()),
            HttpRequest.newBuilder(uri(suspend))
                .header("X-Requested-By", "x")
                .header("Sec-Fetch-Site", "cross-site")
                .POST(HttpRequest.BodyPublishers.noBody()),
            HttpRequest.newBuilder(uri("/engine-rest/deployment/create"))
                .header("Content-Type", "multipart/form-data; boundary=x")
                .POST(HttpRequest.BodyPublishers.ofString("--x--\r\n")),
            HttpRequest.newBuilder(uri("/engine-rest/job/x/execute"))
                .POST(HttpRequest.BodyPublishers.noBody()))) {
      HttpResponse<String> response = send(crossSite.header("Authorization", basic("admin")));
      assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
      assertThat(response.body()).contains("cross-site-request");
    }
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processInstanceId(plan.processInstanceId())
                .singleResult()
                .isSuspended())
        .isFalse();
    HttpResponse<String> sameSite =
        send(
            HttpRequest.newBuilder(uri(suspend))
                .header("Authorization", basic("kaavoittaja"))
                .header("X-Requested-By", "muutos")
                .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(sameSite.statusCode()).as(sameSite.body()).isBetween(200, 299);
  }

  @Test
  void pagesCarryTheirSecurityHeadersAndCookiesAreSameSite() {
    for (String page : List.of("/", "/strategia.html", "/muistutukset.html", "/v3/api-docs")) {
      HttpResponse<String> response = client.get(page);
      assertThat(response.headers().firstValue("Content-Security-Policy"))
          .as(page)
          .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'self'"));
      assertThat(response.headers().firstValue("Referrer-Policy")).as(page).isPresent();
    }
    HttpResponse<String> login = client.webappLogin("tasklist", "kaavoittaja", "demo");
    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(login.headers().allValues("Set-Cookie"))
        .isNotEmpty()
        .allSatisfy(cookie -> assertThat(cookie).containsIgnoringCase("SameSite"));
  }

  @Test
  void aTechnicalAccountReachesNoWebapp() {
    assertThat(
            new HttpTestClient(port)
                .webappLogin("welcome", "kokousjarjestelma", "demo")
                .statusCode())
        .isEqualTo(403);
    assertThat(
            new HttpTestClient(port)
                .webappLogin("welcome", "kokousjarjestelma", "väärä")
                .statusCode())
        .isEqualTo(401);
    assertThat(new HttpTestClient(port).webappLogin("welcome", "kaavoittaja", "demo").statusCode())
        .isEqualTo(200);
  }

  @Test
  void aRemovedUserLosesTheWebappSessionsReadsAtOnce() {
    String userId = "poistuva" + UUID.randomUUID().toString().substring(0, 8);
    newUser(userId, "salasana-123", "johtoryhma");
    HttpTestClient browser = new HttpTestClient(port);
    assertThat(browser.webappLogin("tasklist", userId, "salasana-123").statusCode()).isEqualTo(200);
    assertThat(browser.get("/api/strategy").statusCode()).isEqualTo(200);
    identityService.deleteMembership(userId, "johtoryhma");
    assertThat(browser.get("/api/zoning/plans").statusCode()).isEqualTo(403);
    identityService.deleteUser(userId);
    assertThat(browser.get("/api/strategy").statusCode()).isEqualTo(401);
  }

  @Test
  void pathTricksOnTheEngineRestApiAreQuietFourHundreds() {
    for (String path :
        List.of(
            "//engine-rest/engine",
            "/engine-rest;x/engine",
            "/engine-rest/%2Dx",
            "/engine-rest/task/%2e%2e/%2e%2e/x",
            "/engine-rest/engine;jsessionid=1")) {
      HttpResponse<String> response =
          send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                  .header("Authorization", basic("admin"))
                  .GET());
      assertThat(response.statusCode()).as(path + " " + response.body()).isBetween(400, 499);
    }
  }

  /** Tasklist's own engine API (session and CSRF token) goes through the same guards. */
  @Test
  void tasklistsOwnEngineApiKeepsTheSameRules() throws Exception {
    Started plan = startAt(PREPARE_PROPOSAL);
    String task = driver.task(plan.processInstanceId(), PREPARE_PROPOSAL).getId();
    String before = snapshot(plan);
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    String token =
        browser
            .send(
                HttpRequest.newBuilder(uri("/camunda/app/tasklist/default/")).GET().build(),
                HttpResponse.BodyHandlers.ofString())
            .headers()
            .firstValue("X-XSRF-TOKEN")
            .orElseThrow();
    HttpResponse<String> login =
        browser.send(
            HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("X-XSRF-TOKEN", token)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=kaavoittaja&password=demo"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).isEqualTo(200);
    token =
        browser
            .send(
                HttpRequest.newBuilder(uri("/camunda/app/tasklist/default/")).GET().build(),
                HttpResponse.BodyHandlers.ofString())
            .headers()
            .firstValue("X-XSRF-TOKEN")
            .orElse(token); // the session after sign-in has its own token
    String engine = "/camunda/api/engine/engine/default/task/" + task;
    String valid = ZoningSteps.json(ZoningSteps.proposal("2026-03-04", ""));
    HttpResponse<String> extra =
        session(
            browser,
            token,
            "POST",
            engine + "/submit-form",
            "{\"variables\":{" + valid + ",\"displayDays\":{\"value\":1,\"type\":\"Integer\"}}}");
    assertThat(extra.statusCode()).as(extra.body()).isBetween(400, 499);
    assertThat(extra.body()).contains("displayDays");
    HttpResponse<String> setVariable =
        session(
            browser,
            token,
            "PUT",
            engine + "/variables/displayDays",
            "{\"value\":1,\"type\":\"Integer\"}");
    assertThat(setVariable.statusCode()).as(setVariable.body()).isEqualTo(403);
    // T01 of the December review: the step ended through Tasklist's own API
    HttpResponse<String> error =
        session(
            browser,
            token,
            "POST",
            engine + "/bpmnError",
            "{\"errorCode\":\"x\",\"variables\":{\"displayDays\":{\"value\":1,"
                + "\"type\":\"Integer\"}}}");
    assertThat(error.statusCode()).as(error.body()).isEqualTo(403);
    HttpResponse<String> rule =
        session(
            browser,
            token,
            "POST",
            engine + "/submit-form",
            "{\"variables\":{\"proposalDisplayStart\":{\"value\":\"eilen\"},"
                + "\"statementAuthorities\":{\"value\":\"\"}}}");
    assertThat(rule.statusCode()).as(rule.body()).isEqualTo(400);
    assertThat(rule.body()).contains("ei voi merkitä valmiiksi");
    assertThat(snapshot(plan)).isEqualTo(before);

    HttpResponse<String> done =
        session(browser, token, "POST", engine + "/submit-form", "{\"variables\":{" + valid + "}}");
    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
  }

  /** A JSON call in a signed-in webapp session, with its CSRF token. */
  private HttpResponse<String> session(
      HttpClient browser, String token, String method, String path, String json) throws Exception {
    return browser.send(
        HttpRequest.newBuilder(uri(path))
            .header("X-XSRF-TOKEN", token)
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /**
   * The board's steps belong to the registry: a planner cannot record the legality check, and the
   * registry cannot write the facts the decision check derived (who decided, the take-over window).
   */
  @Test
  void theBoardsStepsCannotBeTakenByAnotherGroupNorTheirFactsRewritten() throws Exception {
    Started plan = startAt(PREPARE_PROPOSAL);
    driver.complete(
        plan.processInstanceId(), PREPARE_PROPOSAL, ZoningSteps.proposal("2026-03-04", ""));
    driver.jobs(plan.processInstanceId(), DISPLAY_ENDED);
    driver.complete(
        plan.processInstanceId(), REPLY_TO_REMINDERS, fi.muutos.testing.ZoningSteps.reply(false));
    driver.send(
        "fi.muutos.decision.made",
        plan.businessKey(),
        "{\"body\":\"Kaupunginvaltuusto\",\"date\":\"2026-04-20\",\"outcome\":\"APPROVED\"}");
    String task =
        driver.task(plan.processInstanceId(), ZoningPlanProcess.Elements.LEGALITY_CHECK).getId();
    String before = snapshot(plan);
    String lawful =
        "\"legalityCheckResult\":{\"value\":\"LAWFUL\"},"
            + "\"legalityCheckDate\":{\"value\":\"2026-04-27\"}";

    HttpResponse<String> planner =
        engineRest(
            "kaavoittaja",
            new Attack(
                "other group",
                "POST",
                "/task/" + task + "/complete",
                "{\"variables\":{" + lawful + "}}"));
    assertThat(planner.statusCode()).as(planner.body()).isBetween(400, 499);
    HttpResponse<String> fact =
        engineRest(
            "kirjaaja",
            new Attack(
                "derived fact",
                "POST",
                "/task/" + task + "/complete",
                "{\"variables\":{"
                    + lawful
                    + ",\"decisionByCouncil\":{\"value\":false,\"type\":\"Boolean\"}}}"));
    assertThat(fact.statusCode()).as(fact.body()).isEqualTo(400);
    assertThat(fact.body()).contains("decisionByCouncil");
    assertThat(snapshot(plan)).isEqualTo(before);

    work(plan, ZoningPlanProcess.Elements.LEGALITY_CHECK, "kirjaaja", lawful);
    assertThat(driver.active(plan.processInstanceId())).contains(PUBLISH_NOTICE);
  }

  /** The legitimate path still works, through the same APIs, with the least rights. */
  @Test
  void aPlanStillWalksToLegalForceThroughTheApis() throws Exception {
    Started plan = startAt(ANNOUNCE_INITIATION);
    work(
        plan,
        ANNOUNCE_INITIATION,
        "kaavoittaja",
        ZoningSteps.json(ZoningSteps.announce("2026-01-05")));
    work(
        plan,
        PREPARE_PROPOSAL,
        "kaavoittaja",
        ZoningSteps.json(ZoningSteps.proposal("2026-03-04", "")));
    driver.jobs(plan.processInstanceId(), DISPLAY_ENDED);
    work(
        plan,
        REPLY_TO_REMINDERS,
        "kaavoittaja",
        "\"proposalChanges\":{\"value\":\"NONE\"},"
            + "\"reminderRepliesSent\":{\"value\":\"NOBODY_ASKED\"}");
    driver.send(
        "fi.muutos.decision.made",
        plan.businessKey(),
        "{\"body\":\"Kaupunginvaltuusto\"," + "\"date\":\"2026-04-20\",\"outcome\":\"APPROVED\"}");
    assertThat(driver.active(plan.processInstanceId())).doesNotContain(RECORD_DECISION);
    work(
        plan,
        ZoningPlanProcess.Elements.LEGALITY_CHECK,
        "kirjaaja",
        "\"legalityCheckResult\":{\"value\":\"LAWFUL\"},"
            + "\"legalityCheckDate\":{\"value\":\"2026-04-27\"}");
    work(
        plan,
        PUBLISH_NOTICE,
        "kirjaaja",
        "\"noticeDate\":{\"value\":\"2026-05-04\"}"
            + ",\"notifiedElinvoimakeskus\":{\"value\":true,\"type\":\"Boolean\"}"
            + ",\"elinvoimakeskusNotifiedOn\":{\"value\":\"2026-05-04\"}"
            + ",\"notifiedRegionalCouncil\":{\"value\":true,\"type\":\"Boolean\"}"
            + ",\"notifiedReminderFilers\":{\"value\":true,\"type\":\"Boolean\"}"
            + BACKDATED);
    driver.jobs(plan.processInstanceId(), ZoningPlanProcess.Elements.APPEAL_PERIOD_ENDED);
    work(
        plan,
        ZoningPlanProcess.Elements.CHECK_LEGAL_FORCE,
        "kirjaaja",
        "\"appealsLodged\":{\"value\":false,\"type\":\"Boolean\"},"
            + "\"legalForceCheck\":{\"value\":\"Hämeenlinnan hallinto-oikeus\"}");
    work(
        plan,
        ENTRY_INTO_FORCE_NOTICE,
        "kirjaaja",
        "\"entryIntoForceDate\":{\"value\":\"2026-07-01\"}" + BACKDATED);
    driver.jobs(plan.processInstanceId(), ZoningPlanProcess.Elements.NOTE_MEASURE);
    driver.jobs(plan.processInstanceId(), ZoningPlanProcess.Elements.REPORT_LEAD_TIMES);
    assertThat(driver.ended(plan.processInstanceId(), ZoningPlanProcess.Elements.END_IN_FORCE))
        .isTrue();
    // the record says who entered each backdated date: the engine's authenticated user
    assertThat(
            jdbc.queryForList(
                "select variable || ' ' || entered_by from mu_case_backdating"
                    + " where business_key = ? order by id",
                String.class,
                plan.businessKey()))
        .contains("noticeDate kirjaaja", "entryIntoForceDate kirjaaja");
  }

  // --- the allowlist (issue 31): the review's attacks that got through -------------------------

  /**
   * S5, T04, T05: a task is handed only to its group's members (by the group's lead), never to an
   * integration account, administrators included; a person who left the group no longer works on a
   * task they claimed; claiming gives the person no right of their own on the task.
   */
  @Test
  void aTaskIsWorkedOnOnlyByItsGroupsCurrentMembers() {
    Started plan = startAt(PREPARE_PROPOSAL);
    String task = driver.task(plan.processInstanceId(), PREPARE_PROPOSAL).getId();
    String member = "jasen" + UUID.randomUUID().toString().substring(0, 8);
    newUser(member, "demo", "kaavoitus");
    String before = snapshot(plan);
    for (String[] attempt :
        List.of(
            new String[] {"kaavoittaja", "asianhallinta"},
            new String[] {"kaavoittaja", "kirjaaja"},
            new String[] {"admin", "asianhallinta"},
            new String[] {member, "kaavoittaja"},
            new String[] {"asianhallinta", "asianhallinta"})) {
      HttpResponse<String> claim =
          engineRest(
              attempt[0],
              new Attack(
                  "claim",
                  "POST",
                  "/task/" + task + "/claim",
                  "{\"userId\":\"" + attempt[1] + "\"}"));
      assertThat(claim.statusCode())
          .as(attempt[0] + " claims for " + attempt[1] + ": " + claim.body())
          .isEqualTo(403);
    }
    assertThat(snapshot(plan)).isEqualTo(before);

    // the group's lead hands the task to a member; the member claims nothing of their own
    assertThat(
            engineRest(
                    "kaavoittaja",
                    new Attack(
                        "claim",
                        "POST",
                        "/task/" + task + "/claim",
                        "{\"userId\":\"" + member + "\"}"))
                .statusCode())
        .isEqualTo(204);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from act_ru_authorization where resource_id_ = ? and "
                    + "user_id_ is not null",
                Integer.class,
                task))
        .as("no right of the person's own on a group's task")
        .isZero();
    // the member leaves the group: the claimed task is no longer theirs to work on
    identityService.deleteMembership(member, "kaavoitus");
    String claimed = snapshot(plan);
    String valid = ZoningSteps.json(ZoningSteps.proposal("2026-03-04", ""));
    for (Attack attack :
        List.of(
            new Attack(
                "complete",
                "POST",
                "/task/" + task + "/submit-form",
                "{\"variables\":{" + valid + "}}"),
            new Attack("error", "POST", "/task/" + task + "/bpmnError", "{\"errorCode\":\"x\"}"),
            new Attack(
                "comment",
                "POST",
                "/task/" + task + "/comment/create",
                "{\"message\":\"valmis\"}"))) {
      HttpResponse<String> response = engineRest(member, attack);
      assertThat(response.statusCode())
          .as(attack.name() + " by a former member: " + response.body())
          .isBetween(400, 404);
    }
    assertThat(snapshot(plan)).isEqualTo(claimed);
    identityService.deleteUser(member);
  }

  /**
   * S3, S4: attachments and comments belong to the step's record: added only by those who work on
   * the open task, changed or deleted only by their author, never on a finished step; each leaves a
   * row in the operation log.
   */
  @Test
  void attachmentsAndCommentsAreWrittenOnlyByTheStepsWorkers() throws Exception {
    Started plan = startAt(ANNOUNCE_INITIATION);
    String task = driver.task(plan.processInstanceId(), ANNOUNCE_INITIATION).getId();
    String colleague = "kollega" + UUID.randomUUID().toString().substring(0, 8);
    newUser(colleague, "demo", "kaavoitus");
    HttpResponse<String> oas = attach("kaavoittaja", "demo", task, "OAS.pdf");
    assertThat(oas.statusCode()).as(oas.body()).isEqualTo(200);
    String attachment = json.readTree(oas.body()).path("id").asText();
    HttpResponse<String> comment =
        engineRest(
            "kaavoittaja",
            new Attack(
                "comment",
                "POST",
                "/task/" + task + "/comment/create",
                "{\"message\":\"OAS liitteenä\"}"));
    assertThat(comment.statusCode()).as(comment.body()).isEqualTo(200);
    String commentId = json.readTree(comment.body()).path("id").asText();
    assertThat(operations(plan, "AddAttachment", "CreateComment")).containsOnly("kaavoittaja");

    String before = snapshot(plan) + attachments(plan);
    for (String user :
        List.of("kaupunginjohtaja", "kirjaaja", "talousjohtaja", "hallintojohtaja")) {
      assertThat(attach(user, "demo", task, "vaarennos.pdf").statusCode())
          .as("an attachment by " + user)
          .isEqualTo(403);
      assertThat(
              engineRest(
                      user,
                      new Attack(
                          "delete", "DELETE", "/task/" + task + "/attachment/" + attachment, null))
                  .statusCode())
          .as(user + " deletes the planner's attachment")
          .isBetween(403, 404);
    }
    // a colleague in the same group works on the step, but not on the planner's own writing
    // (the REST API answers any refused deletion of an attachment with its own 404)
    assertThat(
            engineRest(
                    colleague,
                    new Attack(
                        "delete", "DELETE", "/task/" + task + "/attachment/" + attachment, null))
                .statusCode())
        .isBetween(403, 404);
    assertThat(
            engineRest(
                    colleague,
                    new Attack(
                        "edit",
                        "PUT",
                        "/task/" + task + "/comment",
                        "{\"id\":\"" + commentId + "\",\"message\":\"muutettu\"}"))
                .statusCode())
        .isEqualTo(403);
    assertThat(snapshot(plan) + attachments(plan)).isEqualTo(before);

    work(
        plan,
        ANNOUNCE_INITIATION,
        "kaavoittaja",
        ZoningSteps.json(ZoningSteps.announce("2026-01-05")));
    String finished = snapshot(plan) + attachments(plan);
    for (String user : List.of("kaavoittaja", "kaupunginjohtaja", "kirjaaja", "talousjohtaja")) {
      assertThat(
              engineRest(
                      user,
                      new Attack(
                          "comment",
                          "POST",
                          "/task/" + task + "/comment/create",
                          "{\"message\":\"jälkikäteen\"}"))
                  .statusCode())
          .as(user + " comments a finished step")
          .isBetween(403, 404);
      assertThat(attach(user, "demo", task, "jalkikateen.pdf").statusCode()).isBetween(403, 404);
    }
    assertThat(
            engineRest(
                    "kaavoittaja",
                    new Attack(
                        "delete", "DELETE", "/task/" + task + "/attachment/" + attachment, null))
                .statusCode())
        .as("even its author does not delete an attachment of a finished step")
        .isBetween(403, 404);
    assertThat(snapshot(plan) + attachments(plan)).isEqualTo(finished);
    identityService.deleteUser(colleague);
  }

  /** The author removes their own attachment from the open step; the log keeps that too. */
  @Test
  void theAuthorRemovesTheirOwnAttachmentWhileTheStepIsOpen() throws Exception {
    Started plan = startAt(ANNOUNCE_INITIATION);
    String task = driver.task(plan.processInstanceId(), ANNOUNCE_INITIATION).getId();
    HttpResponse<String> added = attach("kaavoittaja", "demo", task, "luonnos.pdf");
    String attachment = json.readTree(added.body()).path("id").asText();
    assertThat(
            engineRest(
                    "kaavoittaja",
                    new Attack(
                        "delete", "DELETE", "/task/" + task + "/attachment/" + attachment, null))
                .statusCode())
        .isEqualTo(204);
    assertThat(operations(plan, "DeleteAttachment")).containsOnly("kaavoittaja");
  }

  /**
   * S1 (an administrator's repair): a step ended by an error leaves a row with its user in the
   * operation log; without a catching event the administrator's error is a 400 that changes nothing
   * (Camunda's enableExceptionsAfterUnhandledBpmnError), never a silently ended case.
   */
  @Test
  void anAdministratorsRepairIsLoggedAndAnUncaughtErrorChangesNothing() {
    String repair =
        runtimeService
            .startProcessInstanceByKey("repairCheck", "KORJAUS-" + UUID.randomUUID())
            .getId();
    String task = driver.task(repair, "userTask_repair").getId();
    assertThat(
            engineRest(
                    "kaavoittaja",
                    new Attack(
                        "error",
                        "POST",
                        "/task/" + task + "/bpmnError",
                        "{\"errorCode\":\"KORJAUS\"}"))
                .statusCode())
        .isEqualTo(403);
    HttpResponse<String> fixed =
        engineRest(
            "admin",
            new Attack(
                "error", "POST", "/task/" + task + "/bpmnError", "{\"errorCode\":\"KORJAUS\"}"));
    assertThat(fixed.statusCode()).as(fixed.body()).isEqualTo(204);
    assertThat(driver.ended(repair, "endEvent_repaired")).isTrue();
    assertThat(
            jdbc.queryForList(
                "select user_id_ from act_hi_op_log where proc_inst_id_ = ? and operation_type_ = ?",
                String.class,
                repair,
                "HandleBpmnError"))
        .containsExactly("admin");

    Started plan = startAt(PREPARE_PROPOSAL);
    String planTask = driver.task(plan.processInstanceId(), PREPARE_PROPOSAL).getId();
    String before = snapshot(plan);
    for (Attack attack :
        List.of(
            new Attack(
                "error",
                "POST",
                "/task/" + planTask + "/bpmnError",
                "{\"errorCode\":\"x\",\"variables\":{\"displayDays\":{\"value\":1,\"type\":"
                    + "\"Integer\"}}}"),
            new Attack(
                "escalation",
                "POST",
                "/task/" + planTask + "/bpmnEscalation",
                "{\"escalationCode\":\"x\"}"))) {
      HttpResponse<String> response = engineRest("admin", attack);
      assertThat(response.statusCode()).as(attack.name() + ": " + response.body()).isEqualTo(400);
    }
    assertThat(snapshot(plan)).isEqualTo(before);
  }

  /**
   * S6, S11: a case starts on every path only for the groups the API lets start it; business keys
   * cannot be taken ahead of the counter, and the planning review has keys of its own.
   */
  @Test
  void startsFollowTheApisRightsAndKeysTheirCounter() throws Exception {
    String cases = cases();
    for (String[] start :
        List.of(
            // (henkilostopaallikko's account may be slowed by the wrong-password test)
            new String[] {"talousjohtaja", "organisationReform"},
            new String[] {"kirjaaja", "organisationReform"},
            new String[] {"talousjohtaja", "serviceTransfer"},
            new String[] {"kirjaaja", "strategyEvaluation"},
            new String[] {"kirjaaja", "zoningPlan"},
            new String[] {"kaavoittaja", "ryhtiCorrection"})) {
      HttpResponse<String> response =
          engineRest(
              start[0],
              new Attack("start", "POST", "/process-definition/key/" + start[1] + "/start", "{}"));
      assertThat(response.statusCode())
          .as(start[0] + " starts " + start[1] + ": " + response.body())
          .isBetween(403, 404);
    }
    assertThat(cases()).isEqualTo(cases);

    int year = java.time.LocalDate.now(clock).getYear();
    String ahead = "KAAVA-" + year + "-" + "9".repeat(6);
    HttpResponse<String> reserved =
        client.postJson(
            "/api/zoning/plans",
            "kaavoittaja",
            "demo",
            "{\"name\":\"Varaus\",\"type\":\"DETAILED_PLAN\",\"businessKey\":\"" + ahead + "\"}");
    assertThat(reserved.statusCode()).as(reserved.body()).isEqualTo(400);
    assertThat(reserved.body()).contains("key-ahead-of-counter");
    assertThat(cases()).isEqualTo(cases);

    HttpResponse<String> review =
        engineRest(
            "kaavoittaja",
            new Attack("review", "POST", "/process-definition/key/planningReview/start", "{}"));
    assertThat(review.statusCode()).as(review.body()).isEqualTo(200);
    String reviewKey = json.readTree(review.body()).path("businessKey").asText();
    assertThat(reviewKey).startsWith("KATSAUS-");
    assertThat(
            jdbc.queryForMap(
                "select name, responsible_group from mu_case where business_key = ?", reviewKey))
        .containsEntry("name", "Kaavoituskatsaus " + year)
        .containsEntry("responsible_group", "kaavoitus");
  }

  /** S8: a record number belongs to one case; a second case with it is a 409 naming the first. */
  @Test
  void aRecordNumberBelongsToOneCase() throws Exception {
    String number = "HEI/" + UUID.randomUUID().toString().substring(0, 6) + "/10.02.03/2026";
    HttpResponse<String> first =
        client.postJson(
            "/api/zoning/plans",
            "kaavoittaja",
            "demo",
            "{\"name\":\"Ensimmäinen\",\"type\":\"DETAILED_PLAN\",\"recordNumber\":\""
                + number
                + "\"}");
    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    String firstKey = json.readTree(first.body()).path("businessKey").asText();
    String cases = cases();
    HttpResponse<String> second =
        client.postJson(
            "/api/zoning/plans",
            "kaavoittaja",
            "demo",
            "{\"name\":\"Toinen\",\"type\":\"DETAILED_PLAN\",\"recordNumber\":\"" + number + "\"}");
    assertThat(second.statusCode()).as(second.body()).isEqualTo(409);
    assertThat(second.body()).contains(firstKey, "duplicate-record-number");
    assertThat(cases()).isEqualTo(cases);
  }

  /** S10: a case moves only measures of its starter's group. */
  @Test
  void aCaseMovesOnlyItsStartersMeasures() {
    String cases = cases();
    HttpResponse<String> other =
        client.postJson(
            "/api/zoning/plans",
            "kaavoittaja",
            "demo",
            "{\"name\":\"Vieras\",\"type\":\"DETAILED_PLAN\",\"measures\":[\"M-LADEC\"]}");
    assertThat(other.statusCode()).as(other.body()).isEqualTo(403);
    assertThat(other.body()).contains("M-LADEC", "hallinto");
    HttpResponse<String> unknown =
        client.postJson(
            "/api/zoning/plans",
            "kaavoittaja",
            "demo",
            "{\"name\":\"Tuntematon\",\"type\":\"DETAILED_PLAN\",\"measures\":[\"M-EI-OLE\"]}");
    assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(400);
    assertThat(cases()).isEqualTo(cases);
  }

  /** S12, S14a: the webapps' plugin APIs answer their own webapp's sessions, and 4xx to tricks. */
  @Test
  void cockpitsApiAnswersOnlyCockpitSessionsAndTricksAreFourHundreds() {
    HttpTestClient tasklist = new HttpTestClient(port);
    assertThat(tasklist.webappLogin("tasklist", "kaavoittaja", "demo").statusCode()).isEqualTo(200);
    String plugin = "/camunda/api/cockpit/plugin/base/default/process-definition/statistics";
    HttpResponse<String> refused = tasklist.get(plugin);
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
    HttpTestClient cockpit = new HttpTestClient(port);
    assertThat(cockpit.webappLogin("cockpit", "kaupunginjohtaja", "demo").statusCode())
        .isEqualTo(200);
    assertThat(cockpit.get(plugin).statusCode()).isEqualTo(200);

    for (String path :
        List.of(
            "/camunda/%61pi/admin/auth/user/default/login/tasklist",
            "/camunda/%61pi/engine/engine/default/task", "/%65ngine-rest/engine")) {
      HttpResponse<String> response = client.get(path);
      assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(400);
    }
  }

  /** S14b, S14c: an integration account reads only its own events and cannot change its name. */
  @Test
  void anIntegrationAccountReadsItsOwnEventsAndKeepsItsName() throws Exception {
    String id = UUID.randomUUID().toString();
    HttpResponse<String> sent =
        client.post(
            "/api/events",
            "kokousjarjestelma",
            "demo",
            "application/cloudevents+json",
            "{\"specversion\":\"1.0\",\"id\":\""
                + id
                + "\",\"source\":\"/dynasty/heinola\",\"type\":\"fi.muutos.decision.made\","
                + "\"subject\":\"KAAVA-EI-OLE\",\"datacontenttype\":\"application/json\","
                + "\"data\":{\"body\":\"Kaupunginvaltuusto\",\"date\":\"2026-04-20\","
                + "\"outcome\":\"APPROVED\"}}");
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
    String inboxId = json.readTree(sent.body()).path("id").asText();
    assertThat(client.get("/api/events/" + inboxId, "kokousjarjestelma", "demo").statusCode())
        .isEqualTo(200);
    assertThat(client.get("/api/events/" + inboxId, "asianhallinta", "demo").statusCode())
        .isEqualTo(404);
    assertThat(client.get("/api/events/" + inboxId, "admin", "demo").statusCode()).isEqualTo(200);

    User before = identityService.createUserQuery().userId("asianhallinta").singleResult();
    HttpResponse<String> renamed =
        engineRest(
            "asianhallinta",
            new Attack(
                "profile",
                "PUT",
                "/user/asianhallinta/profile",
                "{\"id\":\"asianhallinta\",\"firstName\":\"Kokousjärjestelmä\",\"lastName\":"
                    + "\"(integraatio)\",\"email\":\"x@example.org\"}"));
    assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(403);
    User after = identityService.createUserQuery().userId("asianhallinta").singleResult();
    assertThat(after.getFirstName()).isEqualTo(before.getFirstName());
    assertThat(after.getEmail()).isEqualTo(before.getEmail());
  }

  /**
   * S13: forwarded headers are believed from the configured proxy only, not any private address.
   */
  @Test
  void forwardedAddressesAreBelievedOnlyFromTheConfiguredProxy() {
    var server =
        (org.springframework.boot.web.embedded.tomcat.TomcatWebServer)
            ((org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext)
                    context)
                .getWebServer();
    var valve =
        java.util.Arrays.stream(server.getTomcat().getEngine().getPipeline().getValves())
            .filter(v -> v instanceof org.apache.catalina.valves.RemoteIpValve)
            .map(v -> (org.apache.catalina.valves.RemoteIpValve) v)
            .findFirst()
            .orElseThrow();
    java.util.regex.Pattern proxies = java.util.regex.Pattern.compile(valve.getInternalProxies());
    assertThat(proxies.matcher("127.0.0.1").matches()).isTrue();
    for (String other : List.of("10.0.0.5", "172.17.0.2", "192.168.1.20", "169.254.1.1")) {
      assertThat(proxies.matcher(other).matches()).as(other).isFalse();
    }
  }

  /** A multipart attachment as Tasklist sends it. */
  private HttpResponse<String> attach(String user, String password, String task, String name) {
    String boundary = "rajaus" + UUID.randomUUID().toString().replace("-", "");
    String body =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"attachment-name\"\r\n\r\n"
            + name
            + "\r\n--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"attachment-type\"\r\n\r\n"
            + "application/pdf\r\n--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"content\"; filename=\""
            + name
            + "\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 koe\r\n--"
            + boundary
            + "--\r\n";
    return send(
        HttpRequest.newBuilder(uri("/engine-rest/task/" + task + "/attachment/create"))
            .header("Authorization", basicOf(user, password))
            .header("X-Requested-By", "drill")
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private String attachments(Started plan) {
    return rows(
        "select id_, name_ from act_hi_attachment where proc_inst_id_ = ? order by id_",
        plan.processInstanceId());
  }

  /** Who made the operations of these types on the plan, in the operation log. */
  private List<String> operations(Started plan, String... types) {
    return jdbc.queryForList(
        "select user_id_ from act_hi_op_log where proc_inst_id_ = ? and operation_type_ in ("
            + String.join(",", java.util.Collections.nCopies(types.length, "?"))
            + ")",
        String.class,
        java.util.stream.Stream.concat(
                java.util.stream.Stream.of(plan.processInstanceId()),
                java.util.Arrays.stream(types))
            .toArray());
  }

  // --- helpers ---------------------------------------------------------------------------------

  /** The walk registers earlier acts: their dates are before today, so each states why. */
  private static final String BACKDATED =
      ",\"backdatingReason\":{\"value\":\"Aiempi toimi kirjataan jälkikäteen\"}";

  /** A user of its own for a test that changes or deletes it. */
  private void newUser(String userId, String password, String group) {
    User user = identityService.newUser(userId);
    user.setPassword(password);
    identityService.saveUser(user);
    identityService.createMembership(userId, group);
  }

  /** Claims and completes a task as a person would, with the fields of its form. */
  private void work(Started plan, String taskKey, String user, String variables) {
    String task = driver.task(plan.processInstanceId(), taskKey).getId();
    HttpResponse<String> claim =
        engineRest(
            user,
            new Attack(
                "claim", "POST", "/task/" + task + "/claim", "{\"userId\":\"" + user + "\"}"));
    assertThat(claim.statusCode()).as(claim.body()).isEqualTo(204);
    HttpResponse<String> done =
        engineRest(
            user,
            new Attack(
                "complete",
                "POST",
                "/task/" + task + "/submit-form",
                "{\"variables\":{" + variables + "}}"));
    assertThat(done.statusCode()).as(taskKey + " " + done.body()).isEqualTo(204);
  }

  private Started startAt(String activity) {
    Started started =
        procedure.start(
            new StartPlan(
                "Eheyskaava " + UUID.randomUUID(),
                PlanType.MINOR_DETAILED_PLAN_CHANGE,
                false,
                "Keskusta",
                null));
    driver.jobs(started.processInstanceId(), ZoningPlanProcess.Elements.MARK_MEASURE_IN_PROGRESS);
    if (!ANNOUNCE_INITIATION.equals(activity)) {
      driver.complete(
          started.processInstanceId(), ANNOUNCE_INITIATION, ZoningSteps.announce("2026-01-05"));
    }
    if (STATEMENT_RECEIVED.equals(activity)) {
      driver.complete(
          started.processInstanceId(),
          PREPARE_PROPOSAL,
          ZoningSteps.proposal("2026-03-04", "Hämeen elinvoimakeskus"));
    }
    assertThat(driver.active(started.processInstanceId())).contains(activity);
    return started;
  }

  private String startReform() throws Exception {
    HttpResponse<String> created =
        client.postJson(
            "/api/reforms",
            "hallintojohtaja",
            "demo",
            "{\"name\":\"Eheysuudistus\",\"effectiveDate\":\"2027-01-01\",\"committees\":"
                + "[\"Elinvoimalautakunta\"],\"divisions\":[\"Elinvoima\"]}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return json.readTree(created.body()).path("businessKey").asText();
  }

  /** Everything of a plan that a refused request must leave as it was. */
  private String snapshot(Started plan) {
    String instance = plan.processInstanceId();
    return String.join(
        "\n",
        rows(
            "select stage, legal_date, activity_id from mu_case_stage where business_key = ? "
                + "order by id",
            plan.businessKey()),
        rows(
            "select stage, stage_since, outcome from mu_case where business_key = ?",
            plan.businessKey()),
        rows("select * from mu_zoning_plan where id = ?", plan.planId()),
        rows(
            "select act_id_, end_time_ from act_hi_actinst where proc_inst_id_ = ? order by id_",
            instance),
        rows(
            "select name_, type_, text_, long_, double_ from act_ru_variable where "
                + "proc_inst_id_ = ? order by name_, id_",
            instance),
        rows(
            "select id_, assignee_, owner_, delegation_, suspension_state_ from act_ru_task "
                + "where proc_inst_id_ = ? order by id_",
            instance),
        rows(
            "select id_, retries_, duedate_, exception_msg_, suspension_state_, lock_owner_ "
                + "from act_ru_job where process_instance_id_ = ? order by id_",
            instance),
        rows("select count(*) from act_hi_job_log where process_instance_id_ = ?", instance),
        rows("select count(*) from act_hi_comment where proc_inst_id_ = ?", instance),
        rows("select count(*) from act_hi_op_log where proc_inst_id_ = ?", instance),
        rows(
            "select count(*) from act_ru_identitylink l join act_ru_task t on t.id_ = l.task_id_ "
                + "where t.proc_inst_id_ = ?",
            instance),
        rows(
            "select suspension_state_, act_id_ from act_ru_execution where proc_inst_id_ = ? "
                + "order by id_",
            instance));
  }

  /** How many cases exist (a refused start must add none). */
  private String cases() {
    return count("mu_zoning_plan")
        + "/"
        + count("mu_case")
        + "/"
        + jdbc.queryForObject("select count(*) from act_hi_procinst", Integer.class);
  }

  private int count(String table) {
    return jdbc.queryForObject("select count(*) from " + table, Integer.class);
  }

  private String rows(String sql, Object parameter) {
    return jdbc.queryForList(sql, parameter).toString();
  }

  private HttpResponse<String> engineRest(String user, Attack attack) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri("/engine-rest" + attack.path()))
            .header("Content-Type", "application/json");
    if (!user.isEmpty()) {
      request.header("Authorization", basic(user));
    }
    request.method(
        attack.method(),
        attack.body() == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(attack.body()));
    return send(request);
  }

  private HttpResponse<String> event(
      String user, String source, String id, String type, String data) {
    String event =
        "{\"specversion\":\"1.0\",\"id\":\""
            + id
            + "\",\"source\":\""
            + source
            + "\",\"type\":\""
            + type
            + "\",\"subject\":\"KAAVA-EI-OLE\",\"datacontenttype\":"
            + "\"application/json\",\"data\":"
            + data
            + "}";
    return client.post("/api/events", user, "demo", "application/cloudevents+json", event);
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static String basicOf(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static String basic(String user) {
    return "Basic "
        + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
