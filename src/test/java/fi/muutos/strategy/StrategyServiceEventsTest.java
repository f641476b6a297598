package fi.muutos.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import fi.muutos.testing.IntegrationTest;
import fi.muutos.testing.StrategyFixtures;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Each change publishes one domain event for the outbox; no change publishes nothing. */
@IntegrationTest
@RecordApplicationEvents
class StrategyServiceEventsTest {

  @Autowired StrategyService strategy;
  @Autowired ApplicationEvents events;

  @Test
  void aChangePublishesOneEventAndARepeatPublishesNone() {
    String code = StrategyFixtures.newMeasure(strategy, "hallinto", "NOT_STARTED");
    var person = new ChangeSource.Person("hallintojohtaja", Set.of("hallinto"));
    events.clear();

    strategy.changeStatus(code, new StatusChange(MeasureStatus.IN_PROGRESS, 10, "Alkoi"), person);
    strategy.changeStatus(code, new StatusChange(MeasureStatus.IN_PROGRESS, 10, "Alkoi"), person);

    assertThat(events.stream(MeasureStatusChanged.class))
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.strategyCode()).isEqualTo("TEST-FIXTURES");
              assertThat(event.measureCode()).isEqualTo(code);
              assertThat(event.oldStatus()).isEqualTo(MeasureStatus.NOT_STARTED);
              assertThat(event.newStatus()).isEqualTo(MeasureStatus.IN_PROGRESS);
              assertThat(event.newProgress()).isEqualTo(10);
              assertThat(event.sourceType()).isEqualTo("USER");
            });
    assertThat(strategy.measure(code).log()).hasSize(2);
  }
}
