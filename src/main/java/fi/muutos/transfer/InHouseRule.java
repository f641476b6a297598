package fi.muutos.transfer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Whether a company is the city's in-house entity (sidosyksikkö, hankintalaki 1397/2016 15 §), a
 * pure rule: the city (with the other owners) controls it, it does at most {@code maxOutsideShare}
 * % <em>and</em> at most {@code maxOutsideTurnover} euros of its business with others than its
 * owners, it has no private capital, and the city's own share is at least {@code minOwnershipShare}
 * % (HE 2/2026 proposes 10). Settings: {@code muutos.transfer.in-house.*}.
 */
@ConfigurationProperties("muutos.transfer.in-house")
public record InHouseRule(
    @DefaultValue("5") BigDecimal maxOutsideShare,
    @DefaultValue("500000") BigDecimal maxOutsideTurnover,
    @DefaultValue("0") BigDecimal minOwnershipShare) {

  /**
   * The control the city exercises with the other owners (hankintalaki 15 § 2 mom): the company's
   * decision-making bodies are made up of the owners' representatives, the owners jointly exercise
   * decisive influence over its strategic objectives and significant decisions, and it does not
   * pursue interests contrary to its owners'. A sole owner meets all three.
   */
  public record Control(Boolean represented, Boolean decisive, Boolean noContraryInterests) {

    /** All three answered alike (a test's or a sole owner's shorthand). */
    public static Control all(Boolean answer) {
      return new Control(answer, answer, answer);
    }
  }

  /** The assessment's facts, as the task records them. */
  public record Facts(
      Control control,
      Double ownershipShare,
      Double businessWithOwners,
      Double outsideTurnover,
      Boolean privateCapital) {}

  /** The result, and why not when it is not. */
  public record Assessment(boolean inHouse, List<String> reasons) {}

  /** Assesses the facts; facts that are missing or out of range are refused (400). */
  public Assessment assess(Facts facts) {
    if (facts.ownershipShare() == null
        || facts.ownershipShare() < 0
        || facts.ownershipShare() > 100) {
      throw Transfers.invalid(
          "ownershipShare is a percentage 0–100, not " + facts.ownershipShare());
    }
    if (facts.businessWithOwners() == null
        || facts.businessWithOwners() < 0
        || facts.businessWithOwners() > 100) {
      throw Transfers.invalid(
          "businessWithOwners is a percentage 0–100, not " + facts.businessWithOwners());
    }
    if (facts.outsideTurnover() == null || facts.outsideTurnover() < 0) {
      throw Transfers.invalid(
          "Kirjaa yhtiön liiketoiminta muiden kuin omistajien kanssa euroina (outsideTurnover),"
              + " vähintään 0, ei "
              + facts.outsideTurnover());
    }
    Control control = facts.control() == null ? Control.all(null) : facts.control();
    if (control.represented() == null
        || control.decisive() == null
        || control.noContraryInterests() == null
        || facts.privateCapital() == null) {
      throw Transfers.invalid(
          "Kirjaa määräysvallan kolme edellytystä (controlRepresented, controlDecisive,"
              + " controlNoContraryInterests) ja yksityinen pääoma (privateCapital).");
    }
    BigDecimal share = BigDecimal.valueOf(facts.ownershipShare());
    BigDecimal business = BigDecimal.valueOf(facts.businessWithOwners());
    List<String> reasons = new ArrayList<>();
    if (!control.represented()) {
      reasons.add("yhtiön päätöksentekoelimissä ei ole kaikkien omistajien edustajia");
    }
    if (!control.decisive()) {
      reasons.add(
          "omistajat eivät yhdessä käytä ratkaisevaa vaikutusvaltaa yhtiön strategisiin"
              + " tavoitteisiin ja merkittäviin päätöksiin");
    }
    if (!control.noContraryInterests()) {
      reasons.add("yhtiö ajaa omistajiensa etujen vastaisia etuja");
    }
    BigDecimal outside = BigDecimal.valueOf(100).subtract(business);
    if (outside.compareTo(maxOutsideShare) > 0) {
      reasons.add(
          "yhtiön liiketoiminnasta muiden kuin omistajien kanssa "
              + outside.stripTrailingZeros().toPlainString()
              + " %, enintään "
              + maxOutsideShare.stripTrailingZeros().toPlainString()
              + " % sallitaan");
    }
    BigDecimal turnover = BigDecimal.valueOf(facts.outsideTurnover());
    if (turnover.compareTo(maxOutsideTurnover) > 0) {
      reasons.add(
          "liiketoimintaa muiden kuin omistajien kanssa "
              + turnover.stripTrailingZeros().toPlainString()
              + " euroa, enintään "
              + maxOutsideTurnover.stripTrailingZeros().toPlainString()
              + " euroa sallitaan");
    }
    if (facts.privateCapital()) {
      reasons.add("yhtiössä on yksityistä pääomaa");
    }
    if (share.compareTo(minOwnershipShare) < 0) {
      reasons.add(
          "kaupungin omistusosuus "
              + share.stripTrailingZeros().toPlainString()
              + " % on alle "
              + minOwnershipShare.stripTrailingZeros().toPlainString()
              + " %");
    }
    return new Assessment(reasons.isEmpty(), List.copyOf(reasons));
  }
}
