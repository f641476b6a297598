package fi.muutos.strategy;

import java.util.Set;

/** Who or what changed a measure: a person, a process step, or a data import. */
public sealed interface ChangeSource {

  String type();

  /** A signed-in person, with the groups that decide what they may change. */
  record Person(String userId, Set<String> groups) implements ChangeSource {
    public Person {
      groups = Set.copyOf(groups);
    }

    @Override
    public String type() {
      return "USER";
    }
  }

  /** A step of a running process (a BPMN service task). */
  record Process(String definitionKey, String instanceId, String businessKey, String activityId)
      implements ChangeSource {
    @Override
    public String type() {
      return "PROCESS";
    }
  }

  /** The strategy data file. */
  record Import(String userId) implements ChangeSource {
    @Override
    public String type() {
      return "IMPORT";
    }
  }
}
