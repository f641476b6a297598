package fi.muutos.transfer;

import fi.muutos.cases.CaseStage;

/** Where a transfer is. */
public enum TransferStage implements CaseStage {
  OPTIONS("Vaihtoehtojen arviointi"),
  COOPERATION("Yhteistoimintaneuvottelut"),
  BOARD_PROPOSAL("Kaupunginhallituksen esitys"),
  COUNCIL("Valtuuston käsittely"),
  IMPLEMENTATION("Toimeenpano"),
  TRANSFERRED("Siirretty"),
  STEERING("Omistajaohjaus"),
  REJECTED("Hylätty");

  private final String label;

  TransferStage(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
