package fi.muutos.integrity;

import fi.muutos.identity.GroupLeads;
import fi.muutos.identity.GroupRoles;
import java.time.Clock;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Installs the integrity rules in the engine. Not configurable on purpose: they are what makes a
 * case's procedure provable.
 *
 * <ul>
 *   <li>A task's candidate group and assignee may work on it ({@code TASK_WORK}: claim, complete),
 *       not change it ({@code UPDATE}: set any variable of the whole instance through the task).
 *   <li>{@link EngineGate}: every engine service refuses what {@link EngineOperations} does not
 *       grant the caller (deny by default).
 *   <li>An error or escalation that nothing in the model catches is an exception that rolls back,
 *       never a silently ended branch; a stored object's type is checked before it is deserialized
 *       (Camunda's allow-list: {@code java.lang}, the JDK's collections).
 * </ul>
 *
 * <p>Engine internals (docs/engine-extensions.md): the plugin's preInit runs before the services
 * are built: the task permission, exceptions after an unhandled BPMN error and the deserialization
 * allow-list take effect there. {@code
 * IntegrityDrillTest#anAdministratorsRepairIsLoggedAndAnUncaughtErrorChangesNothing} fails when an
 * upgrade changes that.
 */
@Component
class IntegrityPlugin extends AbstractProcessEnginePlugin {

  private final GroupRoles roles;
  private final GroupLeads leads;
  private final JdbcClient jdbc;
  private final Clock clock;

  IntegrityPlugin(GroupRoles roles, GroupLeads leads, JdbcClient jdbc, Clock clock) {
    this.roles = roles;
    this.leads = leads;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setDefaultUserPermissionNameForTask(Permissions.TASK_WORK.getName());
    configuration.setEnableExceptionsAfterUnhandledBpmnError(true);
    configuration.setDeserializationTypeValidationEnabled(true);
    // besides Camunda's own list: the JDK's unmodifiable lists, sets and maps (List.of(...)),
    // which Muutos' own code stores
    String configured = configuration.getDeserializationAllowedClasses();
    configuration.setDeserializationAllowedClasses(
        (configured == null || configured.isBlank() ? "" : configured + ",") + JDK_COLLECTIONS);
  }

  private static final String JDK_COLLECTIONS =
      String.join(
          ",",
          "java.util.ImmutableCollections$List12",
          "java.util.ImmutableCollections$ListN",
          "java.util.ImmutableCollections$Set12",
          "java.util.ImmutableCollections$SetN",
          "java.util.ImmutableCollections$Map1",
          "java.util.ImmutableCollections$MapN",
          "java.util.Collections$UnmodifiableRandomAccessList",
          "java.util.Collections$UnmodifiableList",
          "java.util.Collections$UnmodifiableMap",
          "java.util.Collections$EmptyList",
          "java.util.Collections$EmptyMap",
          "java.util.Collections$SingletonList");

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    // after the engine made its services, before it hands them out
    new EngineGate(configuration, roles, leads, new AttachmentAuthors(jdbc, clock)).install();
  }
}
