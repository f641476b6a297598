package fi.muutos.strategy.web;

import fi.muutos.strategy.StrategyOutline;
import fi.muutos.strategy.StrategyOutline.MeasurePage;
import fi.muutos.strategy.StrategyReads;
import fi.muutos.strategy.StrategyView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/** The strategy for residents: read-only, anonymous, without personal data ("avoimuus"). */
@RestController
@Validated
@Tag(name = "Julkinen", description = "Avoin tieto asukkaille")
class PublicStrategyController {

  private final StrategyReads strategy;

  PublicStrategyController(StrategyReads strategy) {
    this.strategy = strategy;
  }

  @GetMapping("/public/strategy")
  @Operation(
      summary = "The current strategy and the state of its measures, without user ids (ETag)")
  ResponseEntity<StrategyView> strategy(WebRequest request) {
    return StrategyEtags.answer(
        request, strategy.version(), () -> strategy.current().withoutPersonalData(), true);
  }

  @GetMapping("/public/strategy/outline")
  @Operation(
      summary =
          "The strategy without its measures (goals, objectives, roll-ups, how many measures"
              + " each objective has), for the dashboard; ETag")
  ResponseEntity<StrategyOutline> outline(WebRequest request) {
    return StrategyEtags.answer(request, strategy.version(), strategy::outline, true);
  }

  @GetMapping("/public/strategy/measures")
  @Operation(
      summary =
          "A page of one objective's measures (objective: its code; none: the measures under no"
              + " objective), without user ids; ETag")
  ResponseEntity<MeasurePage> measures(
      @Valid @ParameterObject MeasurePageQuery page, WebRequest request) {
    return StrategyEtags.answer(
        request,
        strategy.version(),
        () ->
            strategy.measures(page.objective(), page.offset(), page.limit()).withoutPersonalData(),
        true);
  }
}
