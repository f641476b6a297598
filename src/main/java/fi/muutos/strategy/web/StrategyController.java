package fi.muutos.strategy.web;

import fi.muutos.identity.SignedInUser;
import fi.muutos.platform.Problems;
import fi.muutos.strategy.ChangeSource;
import fi.muutos.strategy.ImportResult;
import fi.muutos.strategy.MeasureStatus;
import fi.muutos.strategy.MeasureView;
import fi.muutos.strategy.MovedMeasure;
import fi.muutos.strategy.StatusChange;
import fi.muutos.strategy.StrategyFileException;
import fi.muutos.strategy.StrategyMonitoring;
import fi.muutos.strategy.StrategyOutline.MeasurePage;
import fi.muutos.strategy.StrategyReads;
import fi.muutos.strategy.StrategyService;
import fi.muutos.strategy.StrategySummary;
import fi.muutos.strategy.StrategyView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/** The strategy for signed-in users and integrations. */
@RestController
@RequestMapping("/api/strategy")
@org.springframework.validation.annotation.Validated
@Tag(name = "Strategia", description = "Päämäärät, tavoitteet ja toimenpiteet")
class StrategyController {

  private final StrategyService strategy;
  private final StrategyReads reads;
  private final StrategyMonitoring monitoring;

  StrategyController(StrategyService strategy, StrategyReads reads, StrategyMonitoring monitoring) {
    this.strategy = strategy;
    this.reads = reads;
    this.monitoring = monitoring;
  }

  @GetMapping
  @Operation(
      summary =
          "The current strategy: goals → objectives → measures, with roll-ups, "
              + "evaluation ratings and each measure's last change")
  ResponseEntity<StrategyView> strategy(WebRequest request) {
    return StrategyEtags.answer(request, reads.version(), reads::current, false);
  }

  @GetMapping("/measures")
  @Operation(
      summary =
          "A page of one objective's measures (objective: its code; none: the measures under no"
              + " objective), each with its last change and who made it; ETag")
  ResponseEntity<MeasurePage> measures(
      @Valid @ParameterObject MeasurePageQuery page, WebRequest request) {
    return StrategyEtags.answer(
        request,
        reads.version(),
        () -> reads.measures(page.objective(), page.offset(), page.limit()),
        false);
  }

  private static final String MONITORS = "@api.may(authentication, 'monitoring.read')";

  @GetMapping("/summary")
  @PreAuthorize(MONITORS)
  @Operation(
      summary =
          "The strategy at a glance (management): roll-up, each goal's, the goals at risk and"
              + " their measures at risk")
  StrategySummary summary() {
    return monitoring.summary();
  }

  @GetMapping("/process-instances/{processInstanceId}/measures")
  @PreAuthorize(MONITORS)
  @Operation(
      summary =
          "The measures one process instance moved (management): current status and progress,"
              + " and each change this instance made")
  List<MovedMeasure> movedByInstance(
      @PathVariable @Pattern(regexp = "[A-Za-z0-9-]{1,64}") String processInstanceId) {
    return monitoring.movedByInstance(processInstanceId);
  }

  @GetMapping("/processes/{processDefinitionKey}/measures")
  @PreAuthorize(MONITORS)
  @Operation(
      summary =
          "The measures the instances of a process model moved (management): how often, and the"
              + " last change")
  List<MovedMeasure> movedByProcess(
      @PathVariable @Pattern(regexp = "[A-Za-z][A-Za-z0-9_.-]{0,254}")
          String processDefinitionKey) {
    return monitoring.movedByProcess(processDefinitionKey);
  }

  @GetMapping("/measures/{code}")
  @Operation(summary = "One measure with its whole status log, newest first")
  MeasureView measure(@PathVariable String code) {
    return reads.measure(code);
  }

  @PostMapping("/measures/{code}/status")
  @Operation(
      summary =
          "Change a measure's status, progress or note (owner group or admin). "
              + "Reopening a finished measure needs a reason in the note.")
  MeasureView changeStatus(
      @PathVariable String code,
      @Valid @RequestBody StatusChangeRequest body,
      Authentication authentication) {
    SignedInUser user = SignedInUser.of(authentication);
    return strategy.changeStatus(
        code,
        new StatusChange(body.status(), body.progress(), body.note()),
        new ChangeSource.Person(user.id(), user.groups()));
  }

  @PostMapping("/measures")
  @PreAuthorize("@api.may(authentication, 'strategy.edit')")
  @Operation(
      summary =
          "Add a measure to the current strategy, e.g. from an evaluation's "
              + "follow-up area (201; 409 when the code is taken)")
  org.springframework.http.ResponseEntity<MeasureView> addMeasure(
      @Valid @RequestBody NewMeasureRequest body, Authentication authentication) {
    SignedInUser user = SignedInUser.of(authentication);
    MeasureView created =
        strategy.addMeasure(
            body.code(),
            body.name(),
            body.objective(),
            body.ownerGroup(),
            new ChangeSource.Person(user.id(), user.groups()));
    return org.springframework.http.ResponseEntity.created(
            java.net.URI.create("/api/strategy/measures/" + created.code()))
        .body(created);
  }

  @PostMapping(
      value = "/import",
      consumes = {"application/yaml", "application/x-yaml", "text/yaml", "text/plain"})
  @PreAuthorize("hasRole('" + StrategyService.ADMIN_GROUP + "')")
  @Operation(
      summary =
          "Import the strategy data file (YAML; admins). Validated first: a file "
              + "with any problem changes nothing and the answer lists every problem with its line.")
  ImportResult importFile(@RequestBody String yaml, Authentication authentication) {
    return strategy.importFile(yaml, new ChangeSource.Import(authentication.getName()));
  }

  @ExceptionHandler(StrategyFileException.class)
  ProblemDetail invalidFile(StrategyFileException e) {
    ProblemDetail problem =
        Problems.of(HttpStatus.BAD_REQUEST, e.slug(), "Invalid strategy file", e.getMessage());
    problem.setProperty("errors", e.problems());
    return problem;
  }

  /** A new measure. */
  record NewMeasureRequest(
      @NotNull @jakarta.validation.constraints.Pattern(regexp = "[A-Z0-9][A-Z0-9-]{0,63}")
          String code,
      @jakarta.validation.constraints.NotBlank @Size(max = 400) String name,
      @Size(max = 64) String objective,
      @jakarta.validation.constraints.NotBlank @Size(max = 64) String ownerGroup) {}

  /** A change of a measure. */
  record StatusChangeRequest(
      @NotNull MeasureStatus status,
      @Min(0) @Max(100) Integer progress,
      @Size(max = 4000) String note) {}
}
