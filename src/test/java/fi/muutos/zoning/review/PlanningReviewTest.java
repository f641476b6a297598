package fi.muutos.zoning.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.muutos.testing.HttpTestClient;
import fi.muutos.testing.IntegrationTest;
import fi.muutos.testing.MutableClock;
import fi.muutos.testing.ProcessDriver;
import fi.muutos.testing.ZoningSteps;
import fi.muutos.zoning.PlanType;
import fi.muutos.zoning.StartPlan;
import fi.muutos.zoning.ZoningPlanProcedure;
import fi.muutos.zoning.ZoningPlanProcess;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The annual planning review (AKL 7 §): compiled from the plans, approved, published. */
@IntegrationTest
class PlanningReviewTest {

  @LocalServerPort int port;
  @Autowired ZoningPlanProcedure zoning;
  @Autowired ProcessDriver driver;
  @Autowired PlanningReviews reviews;
  @Autowired ManagementService managementService;
  @Autowired RepositoryService repositoryService;
  @Autowired MutableClock clock;
  HttpTestClient http;
  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void client() {
    http = new HttpTestClient(port);
  }

  @Test
  void theReviewListsThePlansFromTheirRecordsAndIsApprovedAndPublished() throws Exception {
    String name = "Katsauksen kaava <b>" + UUID.randomUUID().toString().substring(0, 6) + "</b>";
    var plan =
        zoning.start(
            new StartPlan(
                name,
                PlanType.MINOR_DETAILED_PLAN_CHANGE,
                false,
                "Satama",
                List.of(),
                null,
                "HEI/77/10.02.03/2026"));
    driver.jobs(plan.processInstanceId(), ZoningPlanProcess.Elements.MARK_MEASURE_IN_PROGRESS);
    Map<String, Object> announce = new HashMap<>(ZoningSteps.announce("2026-01-05"));
    announce.put("initiationInReview", true);
    driver.complete(
        plan.processInstanceId(), ZoningPlanProcess.Elements.ANNOUNCE_INITIATION, announce);
    driver.complete(
        plan.processInstanceId(),
        ZoningPlanProcess.Elements.PREPARE_PROPOSAL,
        ZoningSteps.proposal("2026-03-04", ""));

    HttpResponse<String> created =
        http.postJson("/api/zoning/reviews", "kaavoittaja", "demo", "{\"year\":2029}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode review = json.readTree(created.body());
    long id = review.path("id").asLong();
    assertThat(review.path("reviewYear").asInt()).isEqualTo(2029);
    assertThat(review.path("plans").asInt()).isPositive();

    HttpResponse<String> html =
        http.get("/api/zoning/reviews/" + id + "/document", "kaupunginjohtaja", "demo");
    assertThat(html.statusCode()).isEqualTo(200);
    assertThat(html.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
    assertThat(html.body())
        .contains("kaavoituskatsaus 2029", "Vireillä olevat kaavat", "HEI/77/10.02.03/2026")
        .contains("04 Kaavaehdotus", "Vastineet ja hyväksyminen")
        .contains("vireilletulosta ilmoitettu katsauksessa")
        .contains("&lt;b&gt;") // a plan's name is text, never markup
        .doesNotContain(name);

    HttpResponse<byte[]> pdf =
        http.getBytes("/api/zoning/reviews/" + id + "/document.pdf", "kaupunginjohtaja", "demo");
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

    String instance = review.path("processInstanceId").asText();
    driver.complete(
        instance,
        PlanningReviewProcess.Elements.APPROVE,
        Map.of("reviewApprovedOn", LocalDate.now(clock).toString()));
    assertThat(driver.ended(instance, PlanningReviewProcess.Elements.END)).isTrue();
    PlanningReviewView published = reviews.find(id);
    assertThat(published.approvedOn()).isEqualTo(LocalDate.now(clock));
    assertThat(published.publishedOn()).isNotNull();
  }

  @Test
  void thePublishedReviewIsForEveryoneAndAYearHasOneReviewAtATime() throws Exception {
    HttpResponse<String> created =
        http.postJson("/api/zoning/reviews", "kaavoittaja", "demo", "{\"year\":2031}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode first = json.readTree(created.body());
    assertThat(first.path("version").asInt()).isEqualTo(1);
    String instance = first.path("processInstanceId").asText();
    // the approval task names the year it is of
    assertThat(driver.task(instance, PlanningReviewProcess.Elements.APPROVE).getName())
        .isEqualTo("Kirjaa kaavoituskatsauksen 2031 hyväksyminen");
    // not public before it is published, and no second review of the year meanwhile
    assertThat(http.get("/public/zoning/reviews/2031").statusCode()).isEqualTo(404);
    HttpResponse<String> second =
        http.postJson("/api/zoning/reviews", "kaavoittaja", "demo", "{\"year\":2031}");
    assertThat(second.statusCode()).as(second.body()).isEqualTo(409);
    assertThat(second.body()).contains("jo valmisteilla");

    driver.complete(
        instance,
        PlanningReviewProcess.Elements.APPROVE,
        Map.of("reviewApprovedOn", LocalDate.now(clock).toString()));
    // published: anyone reads it, without signing in (AKL 7 §)
    HttpResponse<String> page = http.get("/public/zoning/reviews/2031");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("kaavoituskatsaus 2031");
    assertThat(json.readTree(http.get("/public/zoning/reviews").body()).toString())
        .contains("\"reviewYear\":2031");
    HttpResponse<String> pdf = http.get("/public/zoning/reviews/2031/document.pdf");
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.body()).startsWith("%PDF-");

    // a new version replaces it once published; both stay on the record
    JsonNode revised =
        json.readTree(
            http.postJson("/api/zoning/reviews", "kaavoittaja", "demo", "{\"year\":2031}").body());
    assertThat(revised.path("version").asInt()).isEqualTo(2);
    driver.complete(
        revised.path("processInstanceId").asText(),
        PlanningReviewProcess.Elements.APPROVE,
        Map.of("reviewApprovedOn", LocalDate.now(clock).toString()));
    JsonNode published = json.readTree(http.get("/public/zoning/reviews").body());
    List<Integer> of2031 = new java.util.ArrayList<>();
    published.forEach(
        r -> {
          if (r.path("reviewYear").asInt() == 2031) {
            of2031.add(r.path("version").asInt());
          }
        });
    assertThat(of2031).containsExactly(2);
    assertThat(reviews.list())
        .filteredOn(r -> r.reviewYear() == 2031)
        .extracting(PlanningReviewView::version)
        .containsExactlyInAnyOrder(1, 2);
  }

  @Test
  void badInputAndUnknownReviewsAreRefused() {
    assertThat(
            http.postJson("/api/zoning/reviews", "kaavoittaja", "demo", "{\"year\":1900}")
                .statusCode())
        .isEqualTo(400);
    assertThat(http.postJson("/api/zoning/reviews", "kaavoittaja", "demo", "{}").statusCode())
        .isEqualTo(400);
    assertThat(
            http.get("/api/zoning/reviews/987654321/document", "kaupunginjohtaja", "demo")
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void theReviewIsCompiledEveryYearByItself() {
    var definition =
        repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey(PlanningReviewProcess.KEY)
            .latestVersion()
            .singleResult();
    var timer =
        managementService
            .createJobQuery()
            .processDefinitionId(definition.getId())
            .timers()
            .singleResult();
    assertThat(timer).as("the yearly start's timer").isNotNull();
    assertThat(timer.getDuedate()).isInTheFuture();
  }

  /**
   * Issue 36: Tasklist offers no start of the review (it would open Camunda's generic variables
   * form); the planners request it through /api/zoning/reviews and it is compiled every January.
   */
  @Test
  void tasklistOffersNoGenericStartOfTheReview() {
    var startable =
        http.get(
            "/engine-rest/process-definition?startableInTasklist=true&latestVersion=true",
            "kaavoittaja",
            "demo");
    assertThat(startable.statusCode()).isEqualTo(200);
    assertThat(startable.body())
        .contains("\"key\":\"zoningPlan\"")
        .doesNotContain("planningReview");
  }
}
