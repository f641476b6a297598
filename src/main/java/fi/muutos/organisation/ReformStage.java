package fi.muutos.organisation;

/** Where a reform is. */
public enum ReformStage {
  DRAFTING("Valmistelu"),
  COOPERATION("Yhteistoimintamenettely"),
  BOARD_PROPOSAL("Kaupunginhallituksen esitys"),
  COUNCIL("Valtuuston käsittely"),
  IMPLEMENTATION("Toimeenpano"),
  IN_FORCE("Voimassa"),
  REVIEWED("Seurantakatsaus tehty"),
  REJECTED("Hylätty");

  private final String label;

  ReformStage(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
