package fi.muutos.identity;

import java.util.Arrays;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;

/** Grants group authorizations idempotently: an existing grant gains missing permissions only. */
final class Authorizations {

  private final AuthorizationService service;

  Authorizations(AuthorizationService service) {
    this.service = service;
  }

  void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing =
        service
            .createAuthorizationQuery()
            .authorizationType(Authorization.AUTH_TYPE_GRANT)
            .groupIdIn(groupId)
            .resourceType(resource)
            .resourceId(resourceId)
            .singleResult();
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
        () ->
            service
                    .createAuthorizationQuery()
                    .authorizationType(Authorization.AUTH_TYPE_GRANT)
                    .groupIdIn(groupId)
                    .resourceType(resource)
                    .resourceId(resourceId)
                    .count()
                > 0);
  }
}
