package fi.muutos.cases;

import fi.muutos.platform.CourtEvents;
import java.time.LocalDate;

/**
 * The courts' part of a case whose council decision can be appealed (a reform's appeals, a
 * transfer's court): what a court's decision on the appeals means for it.
 */
public interface CourtRecord {

  /**
   * The court ({@code court}, HAO or KHO) decided the appeals against the case's decision: UPHELD
   * or ANNULLED, on {@code decidedOn}, served on the city on {@code servedOn} (null: the 7th day).
   */
  CourtEvents.Ruling appealDecided(
      long caseId, String outcome, LocalDate decidedOn, String court, LocalDate servedOn);
}
