package fi.muutos.zoning;

import static fi.muutos.zoning.ZoningPlanProcess.Vars;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;

/**
 * What starts a plan, declared once: the API's command, the start variables it becomes ({@link
 * #variables()}) and the start the process reads back however it was started ({@link
 * #of(DelegateExecution)}: the API, Tasklist's start form, the engine REST API). {@code
 * businessKey} is optional (KAAVA-year-number when absent); {@code areaGeoJson} is the plan's area
 * (aluerajaus) as GeoJSON text, optional at the start.
 */
public record StartPlan(
    String name,
    PlanType type,
    boolean significant,
    String areaDescription,
    List<String> measures,
    String businessKey,
    String recordNumber,
    String areaGeoJson) {

  /** A plan started without its area (given later). */
  public StartPlan(
      String name,
      PlanType type,
      boolean significant,
      String areaDescription,
      List<String> measures,
      String businessKey,
      String recordNumber) {
    this(name, type, significant, areaDescription, measures, businessKey, recordNumber, null);
  }

  /** A plan started for no measure of the strategy, without a record number. */
  public StartPlan(
      String name, PlanType type, boolean significant, String areaDescription, String businessKey) {
    this(name, type, significant, areaDescription, List.of(), businessKey, null, null);
  }

  /** The start's process variables. */
  Map<String, Object> variables() {
    Map<String, Object> variables = new HashMap<>();
    Vars.PLAN_NAME.put(variables, name);
    Vars.PLAN_TYPE.put(variables, type.name());
    Vars.SIGNIFICANT.put(variables, significant);
    Vars.AREA.put(variables, areaDescription);
    Vars.MEASURES.put(variables, measures == null ? List.of() : measures);
    Vars.RECORD_NUMBER.put(variables, recordNumber);
    if (areaGeoJson != null) {
      // transient: the first step keeps it on the plan's record (a boundary outgrows a variable)
      variables.put(Vars.AREA_GEOJSON.name(), Variables.stringValue(areaGeoJson, true));
    }
    return variables;
  }

  /**
   * The start as the starting instance holds it; a plan type that is none of the known ones (a
   * start form, the engine REST API) is refused here.
   */
  static StartPlan of(DelegateExecution execution) {
    return new StartPlan(
        Vars.PLAN_NAME.get(execution),
        ZoningPlans.planType(Vars.PLAN_TYPE.get(execution)),
        Boolean.TRUE.equals(Vars.SIGNIFICANT.get(execution)),
        Vars.AREA.get(execution),
        Vars.MEASURES.get(execution),
        execution.getProcessBusinessKey(),
        Vars.RECORD_NUMBER.get(execution),
        Vars.AREA_GEOJSON.get(execution));
  }
}
