package fi.muutos.transfer;

/** Where a transfer is. */
public enum TransferStage {
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

  public String label() {
    return label;
  }
}
