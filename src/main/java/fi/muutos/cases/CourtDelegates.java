package fi.muutos.cases;

import fi.muutos.platform.CourtEvents;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The steps every case with appeals against its council decision shares (a reform, a transfer). */
@Configuration(proxyBeanMethods = false)
class CourtDelegates {

  /**
   * {@code #{settleAppeals}}: no appeal awaits a court; from now on the case listens for a court's
   * decision on an appeal the city learns of late, for as long as it runs (review R1).
   */
  @Bean
  JavaDelegate settleAppeals() {
    return execution -> CourtEvents.APPEALS_SETTLED.set(execution, true);
  }
}
