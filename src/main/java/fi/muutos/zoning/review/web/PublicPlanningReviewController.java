package fi.muutos.zoning.review.web;

import fi.muutos.zoning.review.PlanningReviewView;
import fi.muutos.zoning.review.PlanningReviews;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The published planning reviews for everyone, without signing in (AKL 7 §: the municipality
 * informs the public of its planning matters): the latest published version of each year, as a
 * document and as PDF. What is not published stays behind sign-in.
 */
@RestController
@RequestMapping("/public/zoning/reviews")
@Tag(name = "Kaavoituskatsaus", description = "AKL 7 §")
class PublicPlanningReviewController {

  private final PlanningReviews reviews;

  PublicPlanningReviewController(PlanningReviews reviews) {
    this.reviews = reviews;
  }

  @GetMapping
  @Operation(summary = "The published planning reviews, the latest of each year (no sign-in)")
  List<PlanningReviewView> published() {
    return reviews.published();
  }

  @GetMapping(value = "/{year}", produces = MediaType.TEXT_HTML_VALUE)
  @Operation(summary = "The published review of a year as a Finnish document (no sign-in)")
  String html(@PathVariable int year) {
    return reviews.html(reviews.published(year).id());
  }

  @GetMapping(value = "/{year}/document.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
  @Operation(summary = "The published review of a year as PDF (no sign-in)")
  byte[] pdf(@PathVariable int year) {
    return reviews.pdf(reviews.published(year).id());
  }
}
