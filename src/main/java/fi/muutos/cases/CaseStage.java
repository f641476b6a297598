package fi.muutos.cases;

/** A stage of a case process; each process's stages are an enum that implements this. */
public interface CaseStage {

  /** The stage's id, as stored and as BPMN stage inputs name it. */
  String name();

  /** The stage's Finnish name, for people. */
  String label();
}
