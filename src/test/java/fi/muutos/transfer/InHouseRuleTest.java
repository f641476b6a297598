package fi.muutos.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.muutos.platform.DomainException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The in-house rule of hankintalaki 15 § on its own, without the application. */
class InHouseRuleTest {

  static final InHouseRule LAW =
      new InHouseRule(BigDecimal.valueOf(5), BigDecimal.valueOf(500_000), BigDecimal.ZERO);

  @Test
  void bothLimitsOfOutsideBusinessHoldAtOnce() {
    // at the limits: 5 % and 500 000 euros
    assertThat(LAW.assess(facts(95.0, 500_000.0)).inHouse()).isTrue();
    // a small share but too many euros (a big company), and the other way round
    assertThat(LAW.assess(facts(99.0, 500_000.01)).reasons())
        .containsExactly(
            "liiketoimintaa muiden kuin omistajien kanssa 500000.01 euroa, enintään"
                + " 500000 euroa sallitaan");
    assertThat(LAW.assess(facts(94.5, 1_000.0)).reasons())
        .containsExactly(
            "yhtiön liiketoiminnasta muiden kuin omistajien kanssa 5.5 %, enintään 5 % sallitaan");
  }

  /** Review T1: each of the three conditions of joint control (15 § 2 mom) counts on its own. */
  @Test
  void eachConditionOfJointControlCountsOnItsOwn() {
    InHouseRule.Assessment assessment =
        LAW.assess(
            new InHouseRule.Facts(
                new InHouseRule.Control(false, true, false), 40.0, 100.0, 0.0, false));
    assertThat(assessment.reasons())
        .containsExactly(
            "yhtiön päätöksentekoelimissä ei ole kaikkien omistajien edustajia",
            "yhtiö ajaa omistajiensa etujen vastaisia etuja");
  }

  @Test
  void controlPrivateCapitalAndTheCitysShareEachCount() {
    InHouseRule proposed =
        new InHouseRule(BigDecimal.valueOf(5), BigDecimal.valueOf(500_000), BigDecimal.TEN);
    InHouseRule.Assessment assessment =
        proposed.assess(
            new InHouseRule.Facts(
                new InHouseRule.Control(true, false, true), 8.0, 100.0, 0.0, true));
    assertThat(assessment.inHouse()).isFalse();
    assertThat(assessment.reasons())
        .containsExactly(
            "omistajat eivät yhdessä käytä ratkaisevaa vaikutusvaltaa yhtiön strategisiin"
                + " tavoitteisiin ja merkittäviin päätöksiin",
            "yhtiössä on yksityistä pääomaa",
            "kaupungin omistusosuus 8 % on alle 10 %");
  }

  @Test
  void missingOrImpossibleFactsAreRefused() {
    assertThatThrownBy(
            () ->
                LAW.assess(
                    new InHouseRule.Facts(InHouseRule.Control.all(true), 120.0, 100.0, 0.0, false)))
        .isInstanceOf(DomainException.class)
        .hasMessageContaining("ownershipShare");
    assertThatThrownBy(
            () ->
                LAW.assess(
                    new InHouseRule.Facts(InHouseRule.Control.all(true), 50.0, 100.0, -1.0, false)))
        .hasMessageContaining("outsideTurnover");
    assertThatThrownBy(
            () ->
                LAW.assess(
                    new InHouseRule.Facts(
                        new InHouseRule.Control(true, null, true), 50.0, 100.0, 0.0, false)))
        .hasMessageContaining("controlDecisive");
  }

  private static InHouseRule.Facts facts(double businessWithOwners, double outsideTurnover) {
    return new InHouseRule.Facts(
        InHouseRule.Control.all(true), 60.0, businessWithOwners, outsideTurnover, false);
  }
}
