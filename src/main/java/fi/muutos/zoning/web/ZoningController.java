package fi.muutos.zoning.web;

import com.fasterxml.jackson.databind.JsonNode;
import fi.muutos.identity.SignedInUser;
import fi.muutos.strategy.StrategyService;
import fi.muutos.zoning.PlanArea;
import fi.muutos.zoning.PlanType;
import fi.muutos.zoning.StartPlan;
import fi.muutos.zoning.ZoningLeadTimes;
import fi.muutos.zoning.ZoningLeadTimes.LeadTime;
import fi.muutos.zoning.ZoningPlanProcedure;
import fi.muutos.zoning.ZoningPlanProcedure.Started;
import fi.muutos.zoning.ZoningPlanView;
import fi.muutos.zoning.ZoningPlans;
import fi.muutos.zoning.ZoningStage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Zoning plans: start them, see where they are, and how long each stage takes. */
@RestController
@RequestMapping("/api/zoning")
@Tag(name = "Kaavoitus", description = "Kaavamenettely")
class ZoningController {

  private static final String PLANNERS = "@api.may(authentication, 'zoning.start')";
  private static final String READERS = "@api.may(authentication, 'zoning.read')";
  private static final String REGISTRY = "@api.may(authentication, 'zoning.correct')";

  private final ZoningPlanProcedure procedure;
  private final StrategyService strategy;
  private final ZoningPlans plans;
  private final ZoningLeadTimes leadTimes;

  ZoningController(
      ZoningPlanProcedure procedure,
      ZoningPlans plans,
      ZoningLeadTimes leadTimes,
      StrategyService strategy) {
    this.strategy = strategy;
    this.procedure = procedure;
    this.plans = plans;
    this.leadTimes = leadTimes;
  }

  @PostMapping("/plans")
  @PreAuthorize(PLANNERS)
  @Operation(
      summary =
          "Start a plan's procedure (201 with plan id, business key, process "
              + "instance id; 409 when the business key is taken)")
  ResponseEntity<Started> start(
      @Valid @RequestBody StartPlanRequest body, Authentication authentication) {
    strategy.checkStartedFor(body.measures(), SignedInUser.of(authentication).groups());
    PlanArea area = plans.area(body.area()); // a 400 before anything starts
    Started started =
        procedure.start(
            new StartPlan(
                body.name(),
                body.type(),
                body.significant(),
                body.areaDescription(),
                body.measures() == null ? List.of() : body.measures(),
                body.businessKey(),
                body.recordNumber(),
                area == null ? null : area.json()));
    return ResponseEntity.created(URI.create("/api/zoning/plans/" + started.planId()))
        .body(started);
  }

  @PutMapping(
      value = "/plans/{id}/area",
      consumes = {MediaType.APPLICATION_JSON_VALUE, "application/geo+json"})
  @PreAuthorize(PLANNERS)
  @Operation(
      summary =
          "Give or change the plan's area (aluerajaus): a GeoJSON Polygon or MultiPolygon (or its"
              + " Feature) in ETRS-TM35FIN, EPSG:3067; until the proposal is displayed (409"
              + " after); sent to Ryhti again")
  ZoningPlanView area(@PathVariable long id, @RequestBody JsonNode geoJson) {
    return plans.changeArea(id, plans.area(geoJson));
  }

  @GetMapping("/plans/{id}")
  @PreAuthorize(READERS)
  @Operation(summary = "A plan: stage, Ryhti code, deadlines, days in stage and stage history")
  ZoningPlanView plan(@PathVariable long id) {
    return plans.find(id);
  }

  @GetMapping("/plans")
  @PreAuthorize(READERS)
  @Operation(summary = "Plans, optionally in one stage (e.g. PROPOSAL, IN_FORCE)")
  List<ZoningPlanView> list(@RequestParam(required = false) ZoningStage state) {
    return plans.list(state);
  }

  @PostMapping("/plans/{id}/cancel")
  @PreAuthorize(PLANNERS)
  @Operation(summary = "Cancel a plan at any stage (it lapses, Ryhti 15)")
  ZoningPlanView cancel(@PathVariable long id, @Valid @RequestBody CancelRequest body) {
    return procedure.cancel(id, body.reason());
  }

  @PostMapping("/plans/{id}/corrections")
  @PreAuthorize(REGISTRY)
  @Operation(
      summary =
          "Correct a legal date of the plan's record (the stage's latest entry), with the reason;"
              + " kept as a correction on the record and sent to Ryhti again")
  ZoningPlanView correct(
      @PathVariable long id,
      @Valid @RequestBody CorrectionRequest body,
      Authentication authentication) {
    return plans.correctLegalDate(
        id, body.stage(), body.legalDate(), body.reason(), authentication.getName());
  }

  /** A corrected legal date: the stage, its right date and why. */
  record CorrectionRequest(
      @NotNull ZoningStage stage,
      @NotNull java.time.LocalDate legalDate,
      @NotBlank @Size(max = 1000) String reason) {}

  @PostMapping("/plans/{id}/suspend")
  @PreAuthorize(PLANNERS)
  @Operation(summary = "Suspend a plan (Ryhti 17)")
  ZoningPlanView suspend(@PathVariable long id) {
    return procedure.suspend(id);
  }

  @PostMapping("/plans/{id}/resume")
  @PreAuthorize(PLANNERS)
  @Operation(summary = "Resume a suspended plan")
  ZoningPlanView resume(@PathVariable long id) {
    return procedure.resume(id);
  }

  @GetMapping("/lead-times")
  @PreAuthorize(READERS)
  @Operation(summary = "Per stage: plans that passed it, median and longest days (engine history)")
  List<LeadTime> leadTimes() {
    return leadTimes.leadTimes();
  }

  /** Starting a plan. */
  record StartPlanRequest(
      @NotBlank @Size(max = 400) String name,
      @NotNull PlanType type,
      boolean significant,
      @Size(max = 2000) String areaDescription,
      @Size(max = 20) List<@Pattern(regexp = "[A-Z0-9][A-Z0-9-]{0,63}") String> measures,
      @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_.-]*") String businessKey,
      @Size(max = 64) String recordNumber,
      JsonNode area) {}

  /** Cancelling a plan. */
  record CancelRequest(@NotBlank @Size(max = 2000) String reason) {}
}
