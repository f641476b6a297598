package fi.muutos.organisation;

import fi.muutos.cases.CaseStage;

/** Where a reform is. */
public enum ReformStage implements CaseStage {
  DRAFTING("Valmistelu"),
  COOPERATION("Yhteistoimintamenettely"),
  BOARD_PROPOSAL("Kaupunginhallituksen esitys"),
  COUNCIL("Valtuuston käsittely"),
  LEGALITY_CHECK("Laillisuusvalvonta"),
  IMPLEMENTATION("Toimeenpano"),
  IN_FORCE("Voimassa"),
  REVIEWED("Seurantakatsaus tehty"),
  REJECTED("Hylätty"),
  ANNULLED("Päätös kumottu");

  private final String label;

  ReformStage(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
