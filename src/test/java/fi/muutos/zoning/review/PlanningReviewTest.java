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
        http.postJson("/api/zoning/reviews", "kaavoittaja", "demo", "{\"year\":2027}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode review = json.readTree(created.body());
    long id = review.path("id").asLong();
    assertThat(review.path("reviewYear").asInt()).isEqualTo(2027);
    assertThat(review.path("plans").asInt()).isPositive();

    HttpResponse<String> html =
        http.get("/api/zoning/reviews/" + id + "/document", "kaupunginjohtaja", "demo");
    assertThat(html.statusCode()).isEqualTo(200);
    assertThat(html.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
    assertThat(html.body())
        .contains("kaavoituskatsaus 2027", "Vireillä olevat kaavat", "HEI/77/10.02.03/2026")
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
}
