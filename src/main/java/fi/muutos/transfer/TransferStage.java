package fi.muutos.transfer;

import fi.muutos.cases.CaseStage;

/** Where a transfer is. */
public enum TransferStage implements CaseStage {
  OPTIONS("Vaihtoehtojen arviointi"),
  IN_HOUSE_ASSESSMENT("Sidosyksikköaseman arviointi"),
  COOPERATION("Yhteistoimintamenettely"),
  BOARD_PROPOSAL("Kaupunginhallituksen esitys"),
  COUNCIL("Valtuuston käsittely"),
  LEGALITY_CHECK("Laillisuusvalvonta"),
  IMPLEMENTATION("Toimeenpano"),
  TRANSFERRED("Siirretty"),
  AGREEMENT_IN_FORCE("Sopimus voimassa"),
  STEERING("Omistajaohjaus"),
  PROCUREMENT("Hankintamenettelyyn"),
  LAPSED("Perustaminen rauennut"),
  REJECTED("Hylätty"),
  ANNULLED("Päätös kumottu");

  private final String label;

  TransferStage(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
