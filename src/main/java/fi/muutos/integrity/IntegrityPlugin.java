package fi.muutos.integrity;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Installs the integrity rules in the engine. Not configurable on purpose: they are what makes a
 * case's procedure provable.
 *
 * <ul>
 *   <li>A task's candidate group and assignee may work on it ({@code TASK_WORK}: claim, complete),
 *       not change it ({@code UPDATE}: set any variable of the whole instance through the task).
 *   <li>{@link GuardedServices}: completions and starts with only their form's fields; starts at
 *       another activity and restarts for administrators; job executions checked first.
 * </ul>
 */
@Component
class IntegrityPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setDefaultUserPermissionNameForTask(Permissions.TASK_WORK.getName());
    // before the engine initialises its services, so that these are the ones it hands out
    GuardedServices.install(configuration);
  }
}
