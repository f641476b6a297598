package fi.muutos.evaluation;

import fi.muutos.cases.CaseStage;

/** Where an evaluation is. */
public enum EvaluationStage implements CaseStage {
  SURVEY("Kysely"),
  INTERVIEWS("Haastattelut"),
  SYNTHESIS("Yhteenveto"),
  PUBLISHED("Julkaistu");

  private final String label;

  EvaluationStage(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
