package fi.muutos.zoning;

import fi.muutos.cases.CaseStage;

/**
 * Where a plan is, with the national Ryhti lifecycle code (kaavan elinkaaren tila, code list
 * "kaavaelinkaari"): a plan the approving body rejected is 16 Hylätty, a plan a court annulled 14
 * Kumoutunut, a cancelled plan 15 Rauennut (docs/adr/0041); 07 and 09 while the elinvoimakeskus'
 * rectification request is open (AKL 195 §); 10 and 11 while under appeal when the plan (or the
 * parts the appeals do not concern) was ordered into force early (AKL 201 §).
 */
public enum ZoningStage implements CaseStage {
  INITIATED("01", "Kaavoitusaloite"),
  ANNOUNCED("02", "Vireilletullut"),
  DRAFT("03", "Valmistelu"),
  PROPOSAL("04", "Kaavaehdotus"),
  REVISED_PROPOSAL("05", "Muutettu kaavaehdotus"),
  APPROVED("06", "Hyväksytty kaava"),
  RECTIFICATION_REQUESTED("07", "Oikaisukehotuksen alainen"),
  APPEALED("08", "Valituksen alainen"),
  RECTIFICATION_AND_APPEAL("09", "Oikaisukehotuksen alainen ja valituksen alainen"),
  PARTLY_IN_FORCE("10", "Osittain voimassa"),
  IN_FORCE_BEFORE_LEGAL_FORCE("11", "Voimassa ennen kaavan lainvoimaisuutta"),
  LEGALLY_BINDING("12", "Lainvoimainen"),
  IN_FORCE("13", "Voimassa"),
  ANNULLED("14", "Kumoutunut"),
  LAPSED("15", "Rauennut"),
  REJECTED("16", "Hylätty"),
  SUSPENDED("17", "Keskeytetty");

  private final String ryhtiCode;
  private final String label;

  ZoningStage(String ryhtiCode, String label) {
    this.ryhtiCode = ryhtiCode;
    this.label = label;
  }

  public String ryhtiCode() {
    return ryhtiCode;
  }

  @Override
  public String label() {
    return label;
  }
}
