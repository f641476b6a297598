package fi.muutos.strategy;

import static fi.muutos.strategy.MeasureStatus.AT_RISK;
import static fi.muutos.strategy.MeasureStatus.CANCELLED;
import static fi.muutos.strategy.MeasureStatus.DELAYED;
import static fi.muutos.strategy.MeasureStatus.DONE;
import static fi.muutos.strategy.MeasureStatus.IN_PROGRESS;
import static fi.muutos.strategy.MeasureStatus.NOT_STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RollUpTest {

  private static List<MeasureView> measures(Object... statusAndProgress) {
    return java.util.stream.IntStream.range(0, statusAndProgress.length / 2)
        .mapToObj(
            i ->
                new MeasureView(
                    "M-" + i,
                    "m",
                    null,
                    null,
                    "kaavoitus",
                    null,
                    null,
                    (MeasureStatus) statusAndProgress[2 * i],
                    null,
                    (Integer) statusAndProgress[2 * i + 1],
                    null,
                    null,
                    null))
        .toList();
  }

  @Test
  void noMeasuresNothingToSay() {
    RollUp rollUp = RollUp.of(List.of());
    assertThat(rollUp.measures()).isZero();
    assertThat(rollUp.status()).isNull();
    assertThat(rollUp.progress()).isNull();
  }

  @Test
  void countsEachStatusAndAveragesProgressWithoutCancelled() {
    RollUp rollUp = RollUp.of(measures(IN_PROGRESS, 20, DONE, 100, CANCELLED, 0, NOT_STARTED, 0));
    assertThat(rollUp.measures()).isEqualTo(4);
    assertThat(rollUp.byStatus())
        .containsEntry(IN_PROGRESS, 1)
        .containsEntry(DONE, 1)
        .containsEntry(CANCELLED, 1)
        .containsEntry(NOT_STARTED, 1);
    assertThat(rollUp.progress()).isEqualTo(40); // (20 + 100 + 0) / 3
    assertThat(rollUp.status()).isEqualTo(IN_PROGRESS);
  }

  @Test
  void theMostPressingStatusWins() {
    assertThat(RollUp.of(measures(DONE, 100, AT_RISK, 50, DELAYED, 10)).status())
        .isEqualTo(DELAYED);
    assertThat(RollUp.of(measures(DONE, 100, AT_RISK, 50, IN_PROGRESS, 10)).status())
        .isEqualTo(AT_RISK);
  }

  @Test
  void doneWhenEveryActiveMeasureIsDone() {
    assertThat(RollUp.of(measures(DONE, 100, CANCELLED, 0)).status()).isEqualTo(DONE);
    assertThat(RollUp.of(measures(NOT_STARTED, 0, NOT_STARTED, 0)).status()).isEqualTo(NOT_STARTED);
    assertThat(RollUp.of(measures(NOT_STARTED, 0, DONE, 100)).status()).isEqualTo(IN_PROGRESS);
    assertThat(RollUp.of(measures(CANCELLED, 0)).status()).isEqualTo(CANCELLED);
  }
}
