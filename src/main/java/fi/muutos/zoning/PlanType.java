package fi.muutos.zoning;

/** The kinds of plan the procedure serves; the DMN table takes the name as input. */
public enum PlanType {
  DETAILED_PLAN("Asemakaava"),
  /** Vaikutuksiltaan vähäinen (AKL 52 §, MRA 27 §): never significant. */
  MINOR_DETAILED_PLAN_CHANGE("Vaikutuksiltaan vähäinen asemakaavan muutos"),
  MASTER_PLAN("Yleiskaava");

  private final String label;

  PlanType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
