package fi.muutos.strategy.web;

import fi.muutos.strategy.StrategyService;
import fi.muutos.strategy.StrategyView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The strategy for residents: read-only, anonymous, without personal data ("avoimuus"). */
@RestController
@Tag(name = "Julkinen", description = "Avoin tieto asukkaille")
class PublicStrategyController {

  private final StrategyService strategy;

  PublicStrategyController(StrategyService strategy) {
    this.strategy = strategy;
  }

  @GetMapping("/public/strategy")
  @Operation(summary = "The current strategy and the state of its measures, without user ids")
  StrategyView strategy() {
    return strategy.current().withoutPersonalData();
  }
}
