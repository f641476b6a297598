package fi.muutos.evaluation.web;

import fi.muutos.evaluation.EvaluationView;
import fi.muutos.evaluation.Evaluations;
import fi.muutos.evaluation.StartEvaluation;
import fi.muutos.evaluation.StartEvaluation.Respondent;
import fi.muutos.evaluation.StrategyEvaluationProcedure;
import fi.muutos.evaluation.StrategyEvaluationProcedure.Started;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Strategy evaluations (väliarviointi). */
@RestController
@RequestMapping("/api/evaluations")
@Tag(name = "Arviointi", description = "Strategian arviointi")
class EvaluationController {

  private final StrategyEvaluationProcedure procedure;
  private final Evaluations evaluations;

  EvaluationController(StrategyEvaluationProcedure procedure, Evaluations evaluations) {
    this.procedure = procedure;
    this.evaluations = evaluations;
  }

  @PostMapping
  @PreAuthorize("@api.may(authentication, 'evaluations.start')")
  @Operation(summary = "Start an evaluation of the current strategy (201)")
  ResponseEntity<Started> start(@Valid @RequestBody StartEvaluationRequest body) {
    Started started =
        procedure.start(
            new StartEvaluation(
                body.name(),
                body.evaluator(),
                body.surveyClosesOn(),
                body.respondents().stream()
                    .map(r -> new Respondent(r.userId(), r.group()))
                    .toList(),
                body.businessKey()));
    return ResponseEntity.created(URI.create("/api/evaluations/" + started.evaluationId()))
        .body(started);
  }

  @GetMapping("/{id}")
  @PreAuthorize("@api.may(authentication, 'evaluations.read')")
  @Operation(summary = "An evaluation with its aggregated results (per group, no names)")
  EvaluationView evaluation(@PathVariable long id) {
    return evaluations.find(id);
  }

  @GetMapping("/{id}/comments")
  @PreAuthorize("@api.may(authentication, 'evaluations.comments')")
  @Operation(
      summary =
          "The survey's comments for the evaluator: after the survey closed (409 before), shuffled,"
              + " only from groups large enough that no respondent can be recognised")
  List<fi.muutos.evaluation.SurveyComment> comments(@PathVariable long id) {
    return evaluations.comments(id);
  }

  /** Starting an evaluation. */
  record StartEvaluationRequest(
      @NotBlank @Size(max = 400) String name,
      @Size(max = 400) String evaluator,
      @NotNull LocalDate surveyClosesOn,
      @NotEmpty @Size(max = 500) List<@Valid RespondentRequest> respondents,
      @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_.-]*") String businessKey) {}

  /** A respondent: a user id and the group their answers count in. */
  record RespondentRequest(
      @NotBlank @Pattern(regexp = "[A-Za-z0-9_.-]{1,64}") String userId,
      @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,64}") String group) {}
}
