package fi.muutos.identity;

import java.util.Arrays;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;

/**
 * Grants group authorizations idempotently: an existing grant gains missing permissions only; and
 * takes back permissions that configuration no longer gives (an earlier release's grants).
 */
final class Authorizations {

  private final AuthorizationService service;

  Authorizations(AuthorizationService service) {
    this.service = service;
  }

  void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing = find(groupId, resource, resourceId);
    if (existing != null) {
      boolean missing = Arrays.stream(permissions).anyMatch(p -> !existing.isPermissionGranted(p));
      if (missing) {
        Arrays.stream(permissions).forEach(existing::addPermission);
        service.saveAuthorization(existing);
      }
      return;
    }
    Authorization authorization = service.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    authorization.setGroupId(groupId);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    Arrays.stream(permissions).forEach(authorization::addPermission);
    IdentityInitializer.saveOnce(
        () -> service.saveAuthorization(authorization),
        () -> find(groupId, resource, resourceId) != null);
  }

  /** Takes the permissions back from the group's grant on the resource, if it has them. */
  void revoke(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing = find(groupId, resource, resourceId);
    if (existing != null && Arrays.stream(permissions).anyMatch(existing::isPermissionGranted)) {
      Arrays.stream(permissions).forEach(existing::removePermission);
      service.saveAuthorization(existing);
    }
  }

  private Authorization find(String groupId, Resource resource, String resourceId) {
    return service
        .createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_GRANT)
        .groupIdIn(groupId)
        .resourceType(resource)
        .resourceId(resourceId)
        .singleResult();
  }
}
