package fi.muutos.zoning;

import fi.muutos.cases.Cases;
import fi.muutos.strategy.ChangeSource;
import fi.muutos.strategy.MeasureStatus;
import fi.muutos.strategy.StatusChange;
import fi.muutos.strategy.StrategyService;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How long plans take between the procedure's legal dates, from the case record: for each span
 * (initiation to proposal, proposal to approval, approval to legal force, legal force to entry into
 * force, and the whole), how many plans have passed it and the median and longest number of days.
 * Each plan counts once, from the first legal date of each stage: a proposal displayed again is
 * still one plan. The figure the measure "developing zoning processes" needs.
 */
@Service
public class ZoningLeadTimes {

  /** A span of the procedure, between the legal dates of two stages. */
  public record Span(String name, ZoningStage from, ZoningStage to) {}

  /** The spans, in procedure order. */
  static final List<Span> SPANS =
      List.of(
          new Span("Vireilletulosta ehdotukseen", ZoningStage.ANNOUNCED, ZoningStage.PROPOSAL),
          new Span("Ehdotuksesta hyväksymiseen", ZoningStage.PROPOSAL, ZoningStage.APPROVED),
          new Span("Hyväksymisestä lainvoimaan", ZoningStage.APPROVED, ZoningStage.LEGALLY_BINDING),
          new Span("Lainvoimasta voimaantuloon", ZoningStage.LEGALLY_BINDING, ZoningStage.IN_FORCE),
          new Span("Koko menettely", ZoningStage.ANNOUNCED, ZoningStage.IN_FORCE));

  private final Cases cases;
  private final StrategyService strategy;
  private final String measure;

  ZoningLeadTimes(
      Cases cases,
      StrategyService strategy,
      @Value("${muutos.zoning.lead-time-measure:}") String measure) {
    this.cases = cases;
    this.strategy = strategy;
    this.measure = measure == null ? "" : measure.strip();
  }

  /**
   * The lead-time figures on the measure about developing the zoning process, when the municipality
   * names it ({@code muutos.zoning.lead-time-measure}; none by default): what a plan that came into
   * force changes there, rather than a note of its own. Returns whether a measure was updated.
   */
  @Transactional
  public boolean report(ChangeSource source) {
    if (measure.isEmpty()) {
      return false;
    }
    List<LeadTime> times = leadTimes();
    LeadTime whole = times.get(times.size() - 1);
    String note =
        "Kaavojen läpimenoajat oikeudellisten päivämäärien välillä: "
            + times.stream()
                .filter(t -> t.plans() > 0)
                .map(t -> t.stage() + " mediaani " + t.medianDays() + " pv (" + t.plans() + ")")
                .collect(java.util.stream.Collectors.joining("; "))
            + (whole.plans() == 0 ? "" : ". Pisin koko menettely " + whole.longestDays() + " pv.");
    // a report only notes: a finished (or cancelled) development measure keeps its status
    strategy.change(
        measure, new StatusChange(MeasureStatus.IN_PROGRESS, null, note), source, false);
    return true;
  }

  /** One span's lead time: distinct plans that passed it, median and longest days. */
  public record LeadTime(
      String stage,
      ZoningStage from,
      ZoningStage to,
      int plans,
      Double medianDays,
      Double longestDays) {}

  @Transactional(readOnly = true)
  public List<LeadTime> leadTimes() {
    return of(cases.firstLegalDates(ZoningPlanProcess.CASE));
  }

  /** The lead times of these plans' first legal dates (business key → stage → date). */
  static List<LeadTime> of(Map<String, Map<ZoningStage, LocalDate>> plans) {
    return SPANS.stream()
        .map(
            span -> {
              List<Long> days =
                  plans.values().stream()
                      .map(dates -> between(dates.get(span.from()), dates.get(span.to())))
                      .filter(Objects::nonNull)
                      .sorted()
                      .toList();
              return new LeadTime(
                  span.name(),
                  span.from(),
                  span.to(),
                  days.size(),
                  days.isEmpty() ? null : median(days),
                  days.isEmpty() ? null : (double) days.get(days.size() - 1));
            })
        .toList();
  }

  private static Long between(LocalDate from, LocalDate to) {
    return from == null || to == null || to.isBefore(from)
        ? null
        : ChronoUnit.DAYS.between(from, to);
  }

  static double median(List<Long> sorted) {
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
  }
}
