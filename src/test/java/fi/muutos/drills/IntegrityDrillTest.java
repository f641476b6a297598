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
import fi.muutos.zoning.ZoningPlanProcedure;
import fi.muutos.zoning.ZoningPlanProcedure.StartPlan;
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
                "claim another group's task",
                "POST",
                "/task/" + taskA + "/claim",
                "{\"userId\":\"kirjaaja\"}",
                List.of("kaavoittaja")),
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
        .contains("ei voi vielä päättää")
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
            "{\"authority\":\"ELY-keskus\",\"date\":\"2026-03-10\"}");
    assertThat(wrongType.statusCode()).as(wrongType.body()).isEqualTo(403);
    HttpResponse<String> wrongSource =
        event(
            "asianhallinta",
            "/dynasty/heinola",
            UUID.randomUUID().toString(),
            "fi.muutos.zoning.statement.received",
            "{\"authority\":\"ELY-keskus\",\"date\":\"2026-03-10\"}");
    assertThat(wrongSource.statusCode()).as(wrongSource.body()).isEqualTo(403);
    assertThat(count("mu_inbound_event")).isEqualTo(stored);

    String id = UUID.randomUUID().toString();
    String real = "{\"authority\":\"ELY-keskus\",\"date\":\"2026-03-10\"}";
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
            "{\"authority\":\"ELY-keskus\",\"date\":\"2026-03-10\",\"objections\":true}");
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
    HttpResponse<String> rule =
        session(
            browser,
            token,
            "POST",
            engine + "/submit-form",
            "{\"variables\":{\"proposalDisplayStart\":{\"value\":\"eilen\"},"
                + "\"statementAuthorities\":{\"value\":\"\"}}}");
    assertThat(rule.statusCode()).as(rule.body()).isEqualTo(400);
    assertThat(rule.body()).contains("ei voi vielä päättää");
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
        plan.processInstanceId(), REPLY_TO_REMINDERS, Map.of("substantialChanges", false));
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
        "\"substantialChanges\":{\"value\":false,\"type\":\"Boolean\"}");
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
          ZoningSteps.proposal("2026-03-04", "ELY-keskus"));
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
