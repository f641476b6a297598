package fi.muutos.testing;

import fi.muutos.strategy.ChangeSource;
import fi.muutos.strategy.StrategyService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Measures of their own for tests that change measures, in a test strategy adopted long before the
 * loaded one (so {@code /api/strategy} still shows the loaded strategy).
 */
public final class StrategyFixtures {

  private static final AtomicInteger NEXT = new AtomicInteger();

  private StrategyFixtures() {}

  /** Creates a measure owned by {@code ownerGroup} with the given status; returns its code. */
  public static String newMeasure(StrategyService strategy, String ownerGroup, String status) {
    String code = "M-TEST-" + NEXT.incrementAndGet();
    strategy.importFile(
        """
        strategy:
          code: TEST-FIXTURES
          name: Testistrategia
          municipality: Testikunta
          adopted-on: 2000-01-01
        measures:
          - code: %s
            name: Testitoimenpide
            owner: %s
            status: %s
        """
            .formatted(code, ownerGroup, status),
        new ChangeSource.Import("test"));
    return code;
  }
}
