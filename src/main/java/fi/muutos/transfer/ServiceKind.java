package fi.muutos.transfer;

/** What is transferred; water services bring the city's remaining statutory duties. */
public enum ServiceKind {
  WATER_SERVICES("Vesihuolto"),
  PROPERTY_MANAGEMENT("Kiinteistönhallinta"),
  BUSINESS_SERVICES("Elinkeinopalvelut"),
  OTHER("Muu palvelu");

  private final String label;

  ServiceKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
