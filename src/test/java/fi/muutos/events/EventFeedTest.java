package fi.muutos.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fi.muutos.events.Outbox.FeedPage;
import fi.muutos.strategy.ChangeSource;
import fi.muutos.strategy.MeasureStatus;
import fi.muutos.strategy.StatusChange;
import fi.muutos.strategy.StrategyService;
import fi.muutos.testing.HttpTestClient;
import fi.muutos.testing.IntegrationTest;
import fi.muutos.testing.StrategyFixtures;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Our own events: written with the change, served in order from a cursor, none skipped. */
@IntegrationTest
class EventFeedTest {

  @LocalServerPort int port;
  @Autowired Outbox outbox;
  @Autowired StrategyService strategy;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void aMeasureChangeAndAProcessStartAndEndAppearInOrder() {
    long cursor = end();
    String code = StrategyFixtures.newMeasure(strategy, "kaavoitus", "NOT_STARTED");
    strategy.changeStatus(
        code,
        new StatusChange(MeasureStatus.IN_PROGRESS, 5, "Alkoi"),
        new ChangeSource.Person("kaavoittaja", java.util.Set.of("kaavoitus")));
    String instanceId =
        runtimeService.startProcessInstanceByKey("foundationCheck", "FEED-1").getId();
    taskService.complete(
        taskService.createTaskQuery().processInstanceId(instanceId).singleResult().getId());

    FeedPage page = outbox.feed(cursor, 100);

    assertThat(page.events())
        .extracting(e -> e.path("type").asText())
        .containsExactly(
            "fi.muutos.measure.status.changed", // created by the fixture's import
            "fi.muutos.measure.status.changed",
            "fi.muutos.process.started",
            "fi.muutos.process.ended");
    JsonNode change = page.events().get(1);
    assertThat(change.path("specversion").asText()).isEqualTo("1.0");
    assertThat(change.path("source").asText()).isEqualTo("/muutos");
    assertThat(change.path("subject").asText()).isEqualTo(code);
    assertThat(change.path("data").path("newStatus").asText()).isEqualTo("IN_PROGRESS");
    assertThat(page.events().get(2).path("data").path("processInstanceId").asText())
        .isEqualTo(instanceId);
    assertThat(page.events().get(3).path("data").path("processDefinitionKey").asText())
        .isEqualTo("foundationCheck");
    assertThat(outbox.feed(page.next(), 100).events()).isEmpty();
  }

  @Test
  void aTransactionThatCommitsLateIsNotSkippedByAReaderAhead() throws Exception {
    long cursor = end();
    CountDownLatch written = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    TransactionTemplate tx = new TransactionTemplate(transactions);
    tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    CompletableFuture<Void> slow =
        CompletableFuture.runAsync(
            () ->
                tx.executeWithoutResult(
                    s -> {
                      outbox.publish("fi.muutos.test.slow", "SLOW", Map.of("n", 1));
                      written.countDown();
                      await(release);
                    }));
    assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();

    outbox.publish("fi.muutos.test.fast", "FAST", Map.of("n", 2)); // commits first
    FeedPage first = outbox.feed(cursor, 100);
    assertThat(types(first)).containsExactly("fi.muutos.test.fast");

    release.countDown();
    slow.get(10, TimeUnit.SECONDS);
    FeedPage second = outbox.feed(first.next(), 100);
    assertThat(types(second)).containsExactly("fi.muutos.test.slow");
  }

  @Test
  void pagesContinueFromTheCursorWithoutGapsOrRepeats() {
    long cursor = end();
    for (int i = 0; i < 7; i++) {
      outbox.publish("fi.muutos.test.page", "P-" + i, Map.of("n", i));
    }
    List<String> subjects = new java.util.ArrayList<>();
    FeedPage page;
    do {
      page = outbox.feed(cursor, 3);
      page.events().forEach(e -> subjects.add(e.path("subject").asText()));
      cursor = page.next();
    } while (!page.events().isEmpty());
    assertThat(subjects).containsExactly("P-0", "P-1", "P-2", "P-3", "P-4", "P-5", "P-6");
  }

  @Test
  void theFeedIsForIntegrationsAndAdmins() {
    HttpTestClient http = new HttpTestClient(port);
    assertThat(
            http.get("/api/events/feed?after=0&limit=2", "kokousjarjestelma", "demo").statusCode())
        .isEqualTo(200);
    assertThat(http.get("/api/events/feed", "kaavoittaja", "demo").statusCode()).isEqualTo(403);
    assertThat(http.get("/api/events/feed").statusCode()).isEqualTo(401);
  }

  private long end() {
    FeedPage page = outbox.feed(0, Outbox.MAX_PAGE);
    long cursor = 0;
    while (!page.events().isEmpty()) {
      cursor = page.next();
      page = outbox.feed(cursor, Outbox.MAX_PAGE);
    }
    return cursor;
  }

  private static List<String> types(FeedPage page) {
    return page.events().stream().map(e -> e.path("type").asText()).toList();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
