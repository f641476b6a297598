package fi.muutos.zoning.review;

import fi.muutos.platform.DomainException;
import fi.muutos.platform.DomainException.Kind;
import fi.muutos.platform.MunicipalitySettings;
import fi.muutos.zoning.ZoningPlanView;
import fi.muutos.zoning.ZoningPlans;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The annual planning review (kaavoituskatsaus, AKL 7 §): compiled from the plans' records into a
 * Finnish document, approved by the board, published.
 */
@Service
public class PlanningReviews {

  private final PlanningReviewRepository repository;
  private final ZoningPlans plans;
  private final MunicipalitySettings municipality;
  private final Clock clock;

  PlanningReviews(
      PlanningReviewRepository repository,
      ZoningPlans plans,
      MunicipalitySettings municipality,
      Clock clock) {
    this.repository = repository;
    this.plans = plans;
    this.municipality = municipality;
    this.clock = clock;
  }

  /** Compiles the review of {@code year} for this instance; a retried step finds its own. */
  @Transactional
  public long compile(Integer year, String processInstanceId) {
    return repository
        .findByInstance(processInstanceId)
        .map(PlanningReviewView::id)
        .orElseGet(
            () -> {
              int reviewYear = year == null ? LocalDate.now(clock).getYear() : year;
              if (reviewYear < 2000 || reviewYear > 2100) {
                throw new DomainException(
                    Kind.INVALID,
                    "invalid-review",
                    "Katsauksen vuosi on 2000–2100, ei " + reviewYear + " (reviewYear).");
              }
              repository
                  .unpublished(reviewYear)
                  .ifPresent(
                      pending -> {
                        throw new DomainException(
                            Kind.CONFLICT,
                            "review-in-progress",
                            "Vuoden "
                                + reviewYear
                                + " kaavoituskatsaus on jo valmisteilla (versio "
                                + pending.version()
                                + "): uusi versio kootaan, kun se on julkaistu (one review of a"
                                + " year at a time).");
                      });
              List<ZoningPlanView> all = plans.list(null);
              return repository.insert(
                  reviewYear,
                  processInstanceId,
                  OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS),
                  PlanningReviewDocument.count(reviewYear, all),
                  PlanningReviewDocument.html(municipality.name(), reviewYear, all));
            });
  }

  /** The board approved the review on {@code on}: not before it was compiled, not in the future. */
  @Transactional
  public void approve(long id, LocalDate on) {
    PlanningReviewView review = find(id);
    LocalDate compiled = review.compiledAt().atZoneSameInstant(clock.getZone()).toLocalDate();
    if (on.isAfter(LocalDate.now(clock)) || on.isBefore(compiled)) {
      throw new DomainException(
          Kind.INVALID,
          "invalid-review",
          "Hyväksymispäivä "
              + on
              + " on ennen katsauksen kokoamista "
              + compiled
              + " tai tulevaisuudessa (reviewApprovedOn).");
    }
    repository.approved(id, on);
  }

  @Transactional
  public void publish(long id) {
    find(id);
    repository.published(id, LocalDate.now(clock));
  }

  @Transactional(readOnly = true)
  public PlanningReviewView find(long id) {
    return repository
        .find(id)
        .orElseThrow(
            () ->
                new DomainException(
                    Kind.NOT_FOUND,
                    "review-not-found",
                    "Kaavoituskatsausta "
                        + id
                        + " ei ole (there is no planning review "
                        + id
                        + ")."));
  }

  @Transactional(readOnly = true)
  public PlanningReviewView findByInstance(String processInstanceId) {
    return repository
        .findByInstance(processInstanceId)
        .orElseThrow(() -> new IllegalStateException("No review for " + processInstanceId));
  }

  @Transactional(readOnly = true)
  public List<PlanningReviewView> list() {
    return repository.list();
  }

  /** The latest published review of each year (AKL 7 §: the public is informed). */
  @Transactional(readOnly = true)
  public List<PlanningReviewView> published() {
    return repository.published();
  }

  /** The latest published review of {@code year}; 404 when none is published. */
  @Transactional(readOnly = true)
  public PlanningReviewView published(int year) {
    return repository.published().stream()
        .filter(r -> r.reviewYear() == year)
        .findFirst()
        .orElseThrow(
            () ->
                new DomainException(
                    Kind.NOT_FOUND,
                    "review-not-found",
                    "Vuoden " + year + " kaavoituskatsausta ei ole julkaistu."));
  }

  @Transactional(readOnly = true)
  public String html(long id) {
    find(id);
    return repository.html(id).orElseThrow();
  }

  public byte[] pdf(long id) {
    return PlanningReviewDocument.pdf(html(id));
  }
}
