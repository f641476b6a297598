package fi.muutos.zoning.review.web;

import fi.muutos.zoning.review.PlanningReviewProcedure;
import fi.muutos.zoning.review.PlanningReviewView;
import fi.muutos.zoning.review.PlanningReviews;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The annual planning review: compile one on demand, read it as HTML or PDF. */
@RestController
@RequestMapping("/api/zoning/reviews")
@Tag(name = "Kaavoituskatsaus", description = "AKL 7 §")
class PlanningReviewController {

  private static final String PLANNERS = "@api.may(authentication, 'zoning.start')";
  private static final String READERS = "@api.may(authentication, 'zoning.read')";

  private final PlanningReviews reviews;
  private final PlanningReviewProcedure procedure;

  PlanningReviewController(PlanningReviews reviews, PlanningReviewProcedure procedure) {
    this.reviews = reviews;
    this.procedure = procedure;
  }

  /** Compiling a review. */
  record ReviewRequest(@NotNull @Min(2000) @Max(2100) Integer year) {}

  @PostMapping
  @PreAuthorize(PLANNERS)
  @Operation(summary = "Compile the planning review of a year (201; the board's approval follows)")
  ResponseEntity<PlanningReviewView> compile(@Valid @RequestBody ReviewRequest body) {
    PlanningReviewView review = procedure.request(body.year());
    return ResponseEntity.created(URI.create("/api/zoning/reviews/" + review.id())).body(review);
  }

  @GetMapping
  @PreAuthorize(READERS)
  @Operation(summary = "The planning reviews, newest first")
  List<PlanningReviewView> list() {
    return reviews.list();
  }

  @GetMapping("/{id}")
  @PreAuthorize(READERS)
  @Operation(summary = "A planning review: year, plans, approval and publication")
  PlanningReviewView review(@PathVariable long id) {
    return reviews.find(id);
  }

  @GetMapping(value = "/{id}/document", produces = MediaType.TEXT_HTML_VALUE)
  @PreAuthorize(READERS)
  @Operation(summary = "The review as a Finnish document (HTML)")
  String html(@PathVariable long id) {
    return reviews.html(id);
  }

  @GetMapping(value = "/{id}/document.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
  @PreAuthorize(READERS)
  @Operation(summary = "The review as PDF")
  byte[] pdf(@PathVariable long id) {
    return reviews.pdf(id);
  }
}
