package fi.muutos.strategy;

import static fi.muutos.strategy.MeasureStatus.AT_RISK;
import static fi.muutos.strategy.MeasureStatus.CANCELLED;
import static fi.muutos.strategy.MeasureStatus.DELAYED;
import static fi.muutos.strategy.MeasureStatus.DONE;
import static fi.muutos.strategy.MeasureStatus.IN_PROGRESS;
import static fi.muutos.strategy.MeasureStatus.NOT_STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.muutos.platform.DomainException;
import fi.muutos.platform.DomainException.Kind;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The rules of a measure's status, without a database. */
class MeasureTest {

  static final ChangeSource PERSON = new ChangeSource.Person("kaavoittaja", Set.of("kaavoitus"));
  static final ChangeSource.Process PROCESS =
      new ChangeSource.Process("zoningPlan", "pi-1", "KAAVA-1", "serviceTask_markStarted");

  static Measure measure(MeasureStatus status, int progress) {
    return new Measure(1, "M-TEST", "kaavoitus", status, progress, null);
  }

  @Test
  void aStartedMeasureMovesForwardWithProgressAndNote() {
    Measure next =
        measure(NOT_STARTED, 0)
            .apply(new StatusChange(IN_PROGRESS, 30, "Aloitettu"), PROCESS)
            .orElseThrow();
    assertThat(next.status()).isEqualTo(IN_PROGRESS);
    assertThat(next.progress()).isEqualTo(30);
    assertThat(next.note()).isEqualTo("Aloitettu");
  }

  @Test
  void doneMeansFullProgress() {
    assertThat(
            measure(IN_PROGRESS, 40)
                .apply(new StatusChange(DONE, null, null), PROCESS)
                .orElseThrow()
                .progress())
        .isEqualTo(100);
  }

  @Test
  void theSameStateAgainIsNoChange() {
    Measure current = new Measure(1, "M-TEST", "kaavoitus", IN_PROGRESS, 40, "Aloitettu");
    assertThat(current.apply(new StatusChange(IN_PROGRESS, 40, "Aloitettu"), PROCESS)).isEmpty();
    assertThat(current.apply(new StatusChange(IN_PROGRESS, null, null), PROCESS)).isEmpty();
  }

  @Test
  void progressWithinTheSameStatusIsAChange() {
    assertThat(measure(IN_PROGRESS, 40).apply(new StatusChange(IN_PROGRESS, 60, null), PERSON))
        .get()
        .extracting(Measure::progress)
        .isEqualTo(60);
  }

  @ParameterizedTest
  @EnumSource(MeasureStatus.class)
  void nothingLeavesCancelled(MeasureStatus target) {
    Measure cancelled = measure(CANCELLED, 10);
    if (target == CANCELLED) {
      assertThat(cancelled.apply(new StatusChange(CANCELLED, null, null), PERSON)).isEmpty();
      return;
    }
    assertThatThrownBy(() -> cancelled.apply(new StatusChange(target, null, "syy"), PERSON))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.CONFLICT);
              assertThat(e.getMessage()).contains("M-TEST", "CANCELLED", target.name());
            });
  }

  @Test
  void aPersonReopensAFinishedMeasureWithAReason() {
    Measure reopened =
        measure(DONE, 100)
            .apply(new StatusChange(IN_PROGRESS, 80, "Päätös palautettiin valmisteluun"), PERSON)
            .orElseThrow();
    assertThat(reopened.status()).isEqualTo(IN_PROGRESS);
    assertThat(reopened.progress()).isEqualTo(80);
  }

  @Test
  void reopeningWithoutAReasonIsRefused() {
    assertThatThrownBy(
            () -> measure(DONE, 100).apply(new StatusChange(IN_PROGRESS, 80, " "), PERSON))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.slug()).isEqualTo("reason-required"));
  }

  @Test
  void aCaseThatWorksOnAFinishedMeasureReopensItNamingTheCase() {
    Measure reopened =
        measure(DONE, 100)
            .followCase(new StatusChange(IN_PROGRESS, null, null), PROCESS, true)
            .orElseThrow();
    assertThat(reopened.status()).isEqualTo(IN_PROGRESS);
    assertThat(reopened.note()).startsWith("Avattu uudelleen").contains(PROCESS.businessKey());
  }

  @Test
  void aCaseStepThatOnlyNotesLeavesAFinishedMeasureFinished() {
    Measure noted =
        measure(DONE, 100)
            .followCase(new StatusChange(IN_PROGRESS, null, "Kaava voimassa"), PROCESS, false)
            .orElseThrow();
    assertThat(noted.status()).isEqualTo(DONE);
    assertThat(noted.note()).isEqualTo("Kaava voimassa");
  }

  @Test
  void aCaseLeavesACancelledMeasureAlone() {
    assertThat(
            measure(CANCELLED, 0)
                .followCase(new StatusChange(IN_PROGRESS, null, "x"), PROCESS, true))
        .isEmpty();
  }

  @Test
  void aProcessNeverReopensAFinishedMeasureOutsideACase() {
    assertThatThrownBy(
            () ->
                measure(DONE, 100).apply(new StatusChange(IN_PROGRESS, null, "uudestaan"), PROCESS))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.CONFLICT);
              assertThat(e.getMessage()).contains("only a person");
            });
  }

  @ParameterizedTest
  @EnumSource(
      value = MeasureStatus.class,
      names = {"NOT_STARTED", "AT_RISK", "DELAYED", "CANCELLED"})
  void aFinishedMeasureOnlyReopens(MeasureStatus target) {
    assertThatThrownBy(
            () -> measure(DONE, 100).apply(new StatusChange(target, null, "syy"), PERSON))
        .isInstanceOf(DomainException.class);
  }

  @Test
  void nothingGoesBackToNotStarted() {
    for (MeasureStatus from : new MeasureStatus[] {IN_PROGRESS, AT_RISK, DELAYED}) {
      assertThatThrownBy(
              () -> measure(from, 10).apply(new StatusChange(NOT_STARTED, 0, null), PERSON))
          .isInstanceOf(DomainException.class);
    }
  }

  @Test
  void progressOutsideZeroToHundredIsInvalid() {
    assertThatThrownBy(
            () -> measure(IN_PROGRESS, 10).apply(new StatusChange(IN_PROGRESS, 101, null), PERSON))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INVALID));
  }
}
