package fi.muutos.architecture.violation.internals;

import org.camunda.bpm.engine.impl.context.Context;

/** A fixture for ArchitectureTest: a class that reaches into the engine's internals. */
public class ReachesIn {
  public boolean insideACommand() {
    return Context.getCommandContext() != null;
  }
}
