package fi.muutos.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one work queue on a table of its own (ADR 0055): what is due, one claim wins, a claim runs
 * out, a try counts when claimed, and the policy says when to try again or give up. The queues
 * themselves (inbox, mails, Ryhti) are tested on PostgreSQL through their features.
 */
class WorkQueueTest {

  static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 7, 10, 0, 0, 0, ZoneOffset.UTC);

  JdbcClient jdbc;
  WorkQueue<Long> queue;

  @BeforeEach
  void table() {
    JdbcDataSource data = new JdbcDataSource();
    data.setURL("jdbc:h2:mem:queue" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    jdbc = JdbcClient.create(data);
    jdbc.sql(
            "create table work (id bigint primary key, state varchar(10), attempts int not null,"
                + " next_attempt_at timestamp with time zone,"
                + " claimed_until timestamp with time zone)")
        .update();
    for (long id = 1; id <= 3; id++) {
      jdbc.sql("insert into work values (?, 'OPEN', 0, ?, null)")
          .params(id, NOW.minusMinutes(10 - id))
          .update();
    }
    jdbc.sql("update work set state = 'DONE' where id = 3").update();
    queue = new WorkQueue<>(jdbc, "work", Long.class, "state = 'OPEN'");
  }

  @Test
  void oneNodeWinsAClaimUntilItRunsOut() {
    assertThat(queue.due(NOW, 10)).containsExactly(1L, 2L);
    OffsetDateTime until = NOW.plusMinutes(2);
    assertThat(queue.claim(1L, NOW, until)).isTrue();
    // another node, at the same moment and until the claim runs out
    assertThat(queue.claim(1L, NOW, until)).isFalse();
    assertThat(queue.claim(1L, NOW.plusMinutes(1), until)).isFalse();
    assertThat(queue.due(NOW, 10)).containsExactly(2L);
    // the first node died: after its claim the work is another node's, and the try counted twice
    assertThat(queue.due(until.plusSeconds(1), 10)).containsExactly(1L, 2L);
    assertThat(queue.claim(1L, until.plusSeconds(1), until.plusMinutes(2))).isTrue();
    assertThat(attempts(1L)).isEqualTo(2);
    // work that is done is nobody's to claim
    assertThat(queue.claim(3L, NOW, until)).isFalse();
  }

  @Test
  void aTryThatDidNotFinishIsDueAgainAtItsTime() {
    assertThat(queue.claim(2L, NOW, NOW.plusMinutes(2))).isTrue();
    queue.retryAt(2L, NOW.plusMinutes(5));
    assertThat(queue.due(NOW.plusMinutes(4), 10)).containsExactly(1L);
    // a poller that listed it before gets nothing until it is due
    assertThat(queue.claim(2L, NOW.plusMinutes(4), NOW.plusMinutes(6))).isFalse();
    assertThat(queue.due(NOW.plusMinutes(5), 10)).containsExactly(1L, 2L);
    assertThat(queue.due(NOW.plusMinutes(5), 10, "q.id > ?", 1L)).containsExactly(2L);
  }

  @Test
  void thePolicyGivesUpAtTheHorizonOrAfterTheMostTries() {
    Backoff backoff = new Backoff(Duration.ofMinutes(1), Duration.ofMinutes(8));
    RetryPolicy untilDone = RetryPolicy.untilDone(backoff);
    assertThat(untilDone.next(1, NOW, null)).contains(NOW.plusMinutes(1));
    assertThat(untilDone.next(3, NOW, null)).contains(NOW.plusMinutes(4));
    assertThat(untilDone.next(30, NOW, null)).contains(NOW.plusMinutes(8));
    // a horizon caps the next try, and past it the work is given up
    assertThat(untilDone.next(3, NOW, NOW.plusMinutes(2))).contains(NOW.plusMinutes(2));
    assertThat(untilDone.next(3, NOW, NOW)).isEmpty();
    RetryPolicy mail = RetryPolicy.atMost(backoff, 3);
    assertThat(mail.next(2, NOW, null)).contains(NOW.plusMinutes(2));
    assertThat(mail.next(3, NOW, null)).isEmpty();
  }

  @Test
  void aRoundThatFailsIsLoggedAndTheNextOneRuns() {
    List<Integer> rounds = new java.util.ArrayList<>();
    QueueWorker failing =
        QueueWorker.of(
            "koe",
            Duration.ofSeconds(1),
            () -> {
              rounds.add(rounds.size());
              if (rounds.size() == 1) {
                throw new IllegalStateException("tietokanta ei vastaa");
              }
              return 4;
            });
    assertThat(QueueScheduler.round(failing)).isZero();
    assertThat(QueueScheduler.round(failing)).isEqualTo(4);
  }

  private int attempts(long id) {
    return jdbc.sql("select attempts from work where id = ?")
        .param(id)
        .query(Integer.class)
        .single();
  }
}
