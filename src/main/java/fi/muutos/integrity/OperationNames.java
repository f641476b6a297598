package fi.muutos.integrity;

import java.util.Map;

/**
 * The method names several engine services share, and how the table of engine operations ({@link
 * EngineOperations}) is written: each method once, with its grant.
 */
final class OperationNames {

  private OperationNames() {}

  // CPD-OFF: lists of method names
  /** The variable reads every service with variables has. */
  static final String[] VARIABLE_READS = {
    "getVariable",
    "getVariableLocal",
    "getVariableLocalTyped",
    "getVariableTyped",
    "getVariables",
    "getVariablesLocal",
    "getVariablesLocalTyped",
    "getVariablesTyped"
  };

  /** The variable writes every service with variables has: nobody writes a case's facts. */
  static final String[] VARIABLE_WRITES = {
    "removeVariable",
    "removeVariableLocal",
    "removeVariables",
    "removeVariablesLocal",
    "setVariable",
    "setVariableLocal",
    "setVariables",
    "setVariablesLocal"
  };

  /** Every service's command executor: the engine's own wiring, for Java only. */
  static final String[] WIRING = {"getCommandExecutor", "setCommandExecutor"};

  // CPD-ON

  static void put(Map<String, Grant> table, Grant grant, String... methods) {
    for (String method : methods) {
      Grant earlier = table.put(method, grant);
      if (earlier != null) {
        throw new IllegalStateException(method + " is classified twice: " + earlier + ", " + grant);
      }
    }
  }
}
