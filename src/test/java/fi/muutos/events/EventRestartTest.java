package fi.muutos.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.muutos.MuutosApplication;
import fi.muutos.events.Outbox.FeedPage;
import fi.muutos.testing.HttpTestClient;
import fi.muutos.testing.OwnJvm;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** A restart keeps pending events (they still correlate) and the feed (same order, same cursor). */
@OwnJvm
class EventRestartTest {

  @TempDir Path dataDir;

  @Test
  void pendingEventsAndTheFeedSurviveARestart() throws Exception {
    String url = "jdbc:h2:file:" + dataDir.resolve("muutos") + ";DB_CLOSE_ON_EXIT=FALSE";
    String eventId;
    List<String> feedBefore;
    long cursor;
    try (ConfigurableApplicationContext first = start(url)) {
      HttpTestClient http = new HttpTestClient(port(first));
      var response =
          http.post(
              "/api/events",
              "kokousjarjestelma",
              "demo",
              "application/cloudevents+json",
              EventIntakeTest.decision("restart-1", "ASIA-R", "APPROVED"));
      JsonNode outcome = new ObjectMapper().readTree(response.body());
      assertThat(outcome.path("status").asText()).isEqualTo("PENDING");
      eventId = outcome.path("id").asText();
      FeedPage page = first.getBean(Outbox.class).feed(0, Outbox.MAX_PAGE);
      feedBefore = ids(page);
      cursor = page.next();
      assertThat(feedBefore).isNotEmpty();
    }

    try (ConfigurableApplicationContext second = start(url)) {
      EventInbox inbox = second.getBean(EventInbox.class);
      assertThat(inbox.find(eventId).status()).isEqualTo("PENDING");
      RuntimeService runtime = second.getBean(RuntimeService.class);
      TaskService tasks = second.getBean(TaskService.class);
      String instanceId = runtime.startProcessInstanceByKey("eventWaitCheck", "ASIA-R").getId();
      tasks.complete(tasks.createTaskQuery().processInstanceId(instanceId).singleResult().getId());

      inbox.retryDue();

      assertThat(inbox.find(eventId).status()).isEqualTo("CORRELATED");
      assertThat(
              second
                  .getBean(HistoryService.class)
                  .createHistoricProcessInstanceQuery()
                  .processInstanceId(instanceId)
                  .finished()
                  .count())
          .isEqualTo(1);
      Outbox outbox = second.getBean(Outbox.class);
      assertThat(ids(outbox.feed(0, feedBefore.size()))).isEqualTo(feedBefore);
      assertThat(outbox.feed(cursor, Outbox.MAX_PAGE).events())
          .extracting(e -> e.path("type").asText())
          .containsExactly("fi.muutos.process.started", "fi.muutos.process.ended");
    }
  }

  private static List<String> ids(FeedPage page) {
    List<String> ids = new ArrayList<>();
    page.events().forEach(e -> ids.add(e.path("id").asText()));
    return ids;
  }

  private static int port(ConfigurableApplicationContext context) {
    return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
  }

  private static ConfigurableApplicationContext start(String url) {
    return new SpringApplicationBuilder(MuutosApplication.class)
        .run(
            "--server.port=0",
            "--spring.datasource.url=" + url,
            "--camunda.bpm.job-execution.enabled=false",
            "--muutos.events.retry.enabled=false",
            "--muutos.events.retry.first-delay=PT0S",
            "--muutos.events.processes.eventWaitCheck=fi.muutos.decision.made");
  }
}
