package fi.muutos.identity;

import static org.assertj.core.api.Assertions.assertThat;

import fi.muutos.testing.IntegrationTest;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * S6 of the review: a group may start a process only if its API permissions start it ({@code
 * muutos.identity.starts}); the engine's CREATE_INSTANCE follows, and the broader grants of an
 * earlier release (every process a group took part in) are taken back at start-up.
 */
@IntegrationTest
class StartRightsTest {

  @Autowired IdentityInitializer initializer;
  @Autowired ProcessEngine engine;
  @Autowired AuthorizationService authorizations;
  @Autowired GroupRoles roles;

  @Test
  void aGroupStartsOnlyWhatItsApiStartsAndEarlierGrantsAreTakenBack() {
    // what the earlier release gave: CREATE_INSTANCE on every process the group took part in
    Authorization earlier = grant("henkilosto", "organisationReform");
    earlier.addPermission(Permissions.CREATE_INSTANCE);
    authorizations.saveAuthorization(earlier);
    assertThat(starts("henkilosto", "organisationReform")).isTrue();

    initializer.postProcessEngineBuild(engine);

    assertThat(starts("henkilosto", "organisationReform")).isFalse();
    assertThat(starts("kirjaamo", "strategyEvaluation")).isFalse();
    assertThat(starts("kaavoitus", "ryhtiCorrection")).isFalse();
    assertThat(starts("kaavoitus", "zoningPlan")).isTrue();
    assertThat(starts("kaavoitus", "planningReview")).isTrue();
    assertThat(starts("hallinto", "organisationReform")).isTrue();
    // the administrators' own grants are not Muutos' to take back
    assertThat(
            authorizations.isUserAuthorized(
                "admin",
                List.of(Groups.ADMIN),
                Permissions.CREATE,
                Resources.PROCESS_INSTANCE,
                Authorization.ANY))
        .isTrue();
    assertThat(roles.mayStart(List.of("kaavoitus"), "zoningPlan")).isTrue();
    assertThat(roles.mayStart(List.of("kirjaamo"), "zoningPlan")).isFalse();
    assertThat(roles.integration(List.of("integraatio"))).isTrue();
    assertThat(roles.integration(List.of(Groups.ADMIN))).isFalse();
    assertThat(roles.management(List.of("johtoryhma"))).isTrue();
  }

  private Authorization grant(String group, String process) {
    return authorizations
        .createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_GRANT)
        .groupIdIn(group)
        .resourceType(Resources.PROCESS_DEFINITION)
        .resourceId(process)
        .singleResult();
  }

  private boolean starts(String group, String process) {
    Authorization grant = grant(group, process);
    return grant != null && grant.isPermissionGranted(Permissions.CREATE_INSTANCE);
  }
}
