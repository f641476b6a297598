package fi.muutos.identity;

import static org.assertj.core.api.Assertions.assertThat;

import fi.muutos.testing.HttpTestClient;
import fi.muutos.testing.IntegrationTest;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The kept sign-ins and authorization answers ({@link IdentityCaches}) never outlive a change made
 * on this node: every test signs in (filling the caches), changes something through the engine's
 * services, and expects the very next request to see it.
 */
@IntegrationTest
class IdentityCachesTest {

  private static final String ZONING_MODELS =
      "/engine-rest/process-definition/count?key=zoningPlan&latestVersion=true";

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  HttpTestClient http;
  String user;

  @BeforeEach
  void newPlanner() {
    http = new HttpTestClient(port);
    user = "valimuisti" + UUID.randomUUID().toString().substring(0, 8);
    User account = identityService.newUser(user);
    account.setPassword("salasana-123");
    identityService.saveUser(account);
    identityService.createMembership(user, "kaavoitus");
  }

  @Test
  void aChangedPasswordOrADeletedAccountTakesEffectAtTheNextRequest() {
    assertThat(http.get("/api/zoning/plans", user, "salasana-123").statusCode()).isEqualTo(200);
    assertThat(http.get("/api/zoning/plans", user, "salasana-123").statusCode()).isEqualTo(200);

    User account = identityService.createUserQuery().userId(user).singleResult();
    account.setPassword("uusi-salasana-456");
    identityService.saveUser(account);
    assertThat(http.get("/api/zoning/plans", user, "salasana-123").statusCode()).isEqualTo(401);
    // (the wrong password delayed the account's next sign-in: an administrator lifts the delay)
    identityService.unlockUser(user);
    assertThat(http.get("/api/zoning/plans", user, "uusi-salasana-456").statusCode())
        .isEqualTo(200);
    assertThat(http.get("/api/zoning/plans", user, "uusi-salasana-456").statusCode())
        .isEqualTo(200);

    identityService.deleteUser(user);
    assertThat(http.get("/api/zoning/plans", user, "uusi-salasana-456").statusCode())
        .isEqualTo(401);
  }

  @Test
  void aRemovedOrAddedMembershipTakesEffectAtTheNextRequest() {
    assertThat(http.get("/api/zoning/plans", user, "salasana-123").statusCode()).isEqualTo(200);
    identityService.deleteMembership(user, "kaavoitus");
    assertThat(http.get("/api/zoning/plans", user, "salasana-123").statusCode()).isEqualTo(403);
    identityService.createMembership(user, "kaavoitus");
    assertThat(http.get("/api/zoning/plans", user, "salasana-123").statusCode()).isEqualTo(200);
    identityService.deleteUser(user);
  }

  @Test
  void aRevokeAndAGrantToANewGroupTakeEffectAtTheNextCommand() {
    assertThat(count(ZONING_MODELS)).isEqualTo(1);

    // an administrator revokes the group's reading of the zoning model: no revokes existed before
    Authorization revoke =
        authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    revoke.setResource(Resources.PROCESS_DEFINITION);
    revoke.setResourceId("zoningPlan");
    revoke.setUserId(user);
    revoke.removePermission(Permissions.READ);
    authorizationService.saveAuthorization(revoke);
    assertThat(count(ZONING_MODELS)).isZero();
    authorizationService.deleteAuthorization(revoke.getId());
    assertThat(count(ZONING_MODELS)).isEqualTo(1);

    // a group that no authorization named yet is granted the reading
    String group = "ryhma" + UUID.randomUUID().toString().substring(0, 8);
    identityService.saveGroup(identityService.newGroup(group));
    identityService.deleteMembership(user, "kaavoitus");
    identityService.createMembership(user, group);
    assertThat(count(ZONING_MODELS)).isZero();
    Authorization grant =
        authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setResource(Resources.PROCESS_DEFINITION);
    grant.setResourceId("zoningPlan");
    grant.setGroupId(group);
    grant.addPermission(Permissions.READ);
    authorizationService.saveAuthorization(grant);
    assertThat(count(ZONING_MODELS)).isEqualTo(1);

    authorizationService.deleteAuthorization(grant.getId());
    identityService.deleteGroup(group);
    identityService.deleteUser(user);
  }

  private long count(String path) {
    var response = http.get(path, user, "salasana-123");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Long.parseLong(response.body().replaceAll("\\D", ""));
  }
}
