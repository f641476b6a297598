package fi.muutos.zoning;

import fi.muutos.cases.Filing;
import fi.muutos.cases.FilingJudge;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A muistutus or a statement that reached a plan when no step took it (the plan had ended) is
 * judged by the day it was filed (ADR 0052): a muistutus filed during the display counts (AKL 65
 * §), a statement dated by its due date is not late.
 */
@Component
class ZoningFilingJudge implements FilingJudge {

  static final String REMINDER = "fi.muutos.zoning.reminder.filed";
  static final String STATEMENT = "fi.muutos.zoning.statement.received";
  static final String APPEAL = "fi.muutos.zoning.appeal.filed";
  private static final DateTimeFormatter FINNISH_DATE = DateTimeFormatter.ofPattern("d.M.yyyy");

  private final ZoningPlans plans;
  private final ZoningDisplays displays;

  ZoningFilingJudge(ZoningPlans plans, ZoningDisplays displays) {
    this.plans = plans;
    this.displays = displays;
  }

  @Override
  public Optional<String> judge(Filing filing) {
    if (!REMINDER.equals(filing.eventType())
        && !STATEMENT.equals(filing.eventType())
        && !APPEAL.equals(filing.eventType())) {
      return Optional.empty();
    }
    Optional<Long> plan = plans.planId(filing.businessKey());
    if (plan.isEmpty()) {
      return Optional.empty(); // sent for a case that is no plan: the group judges it
    }
    long planId = plan.get();
    String day = FINNISH_DATE.format(filing.filedOn());
    if (REMINDER.equals(filing.eventType())) {
      return Optional.of(
          displays.recordReminder(planId, filing.filedOn())
              ? "Laskettu kaavan muistutukseksi: jätetty "
                  + day
                  + ", kun ehdotus oli nähtävillä (AKL 65 §). Vastaa muistuttajalle, joka on sitä"
                  + " pyytänyt, ja arvioi, vaikuttaako muistutus kaavaan."
              : "Ei laskettu muistutukseksi: jätetty "
                  + day
                  + ", kun ehdotus ei ollut nähtävillä; kirjattu kaavan myöhästyneisiin"
                  + " palautteisiin.");
    }
    if (APPEAL.equals(filing.eventType())) {
      return Optional.of(appeal(planId, filing, day));
    }
    displays.lateStatement(planId, filing.reference(), filing.filedOn());
    return Optional.of(
        "Kirjattu kaavan lausunnoksi (annettu "
            + day
            + "); lausunto on myöhässä vain, jos se on annettu määräpäivän jälkeen. Arvioi,"
            + " vaikuttaako lausunto kaavaan.");
  }

  /**
   * An appeal no step took: in time by its filing date (the plan's appeal period, AKL 188 §), the
   * plan is not legally binding until the court has decided, whatever the record says; after it,
   * the court dismisses it. Muutos does not move the plan by itself: the group checks it.
   */
  private String appeal(long planId, Filing filing, String day) {
    java.time.LocalDate periodEnds = plans.find(planId).appealEndsOn();
    if (periodEnds == null) {
      return "Valitus on jätetty "
          + day
          + ", mutta kaavalla ei ole valitusaikaa (päätöstä ei ole kuulutettu): tarkista, mihin"
          + " päätökseen valitus kohdistuu.";
    }
    String end = FINNISH_DATE.format(periodEnds);
    return filing.filedOn().isAfter(periodEnds)
        ? "Valitus on jätetty "
            + day
            + ", valitusajan (päättyi "
            + end
            + ") jälkeen: hallinto-oikeus jättää sen tutkimatta, mutta se on kirjattu kaavalle."
        : "Valitus on jätetty "
            + day
            + " valitusajassa (päättyi "
            + end
            + "): kaava ei ole lainvoimainen ennen kuin valitus on ratkaistu. Tarkista"
            + " lainvoimaisuus hallinto-oikeudesta ja korjaa kaavan tiedot tarvittaessa.";
  }
}
