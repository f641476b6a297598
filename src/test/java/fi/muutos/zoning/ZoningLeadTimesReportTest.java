package fi.muutos.zoning;

import static org.assertj.core.api.Assertions.assertThat;

import fi.muutos.cases.Cases;
import fi.muutos.strategy.ChangeSource;
import fi.muutos.strategy.MeasureStatus;
import fi.muutos.strategy.StrategyService;
import fi.muutos.testing.IntegrationTest;
import fi.muutos.testing.StrategyFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A plan moves the zoning-development measure only through the lead-time figures, if named. */
@IntegrationTest
class ZoningLeadTimesReportTest {

  @Autowired Cases cases;
  @Autowired StrategyService strategy;
  @Autowired ZoningLeadTimes shipped;

  private static final ChangeSource PLAN =
      new ChangeSource.Process(ZoningPlanProcess.KEY, "instance", "KAAVA-T", "report");

  @Test
  void noMeasureIsMovedUnlessTheMunicipalityNamesOne() {
    assertThat(shipped.report(PLAN)).isFalse();
  }

  @Test
  void theNamedMeasureGetsTheLeadTimes() {
    String measure = StrategyFixtures.newMeasure(strategy, "kaavoitus", "NOT_STARTED");
    ZoningLeadTimes configured = new ZoningLeadTimes(cases, strategy, measure);

    assertThat(configured.report(PLAN)).isTrue();

    var updated = strategy.measure(measure);
    assertThat(updated.status()).isEqualTo(MeasureStatus.IN_PROGRESS);
    assertThat(updated.note()).startsWith("Kaavojen läpimenoajat oikeudellisten päivämäärien");
  }
}
