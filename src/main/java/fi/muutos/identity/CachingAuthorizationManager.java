package fi.muutos.identity;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.AuthorizationQueryImpl;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;

/**
 * The engine's authorization manager, which before every command's first check reads the groups
 * that any authorization names and whether a revoking one applies (twice per command: 34 statements
 * in a minor-zoning lifecycle), with those two answers kept in {@link IdentityCaches} across
 * commands. An authorization that could change them empties them. The checks themselves are the
 * engine's.
 *
 * <p>Engine internals (docs/engine-extensions.md): before each command's first check the manager
 * asks these two protected methods; an insert or update of an authorization goes through
 * insert/update. {@code IdentityCachesTest#aRevokeAndAGrantToANewGroupTakeEffectAtTheNextCommand}
 * fails when an upgrade changes that.
 */
class CachingAuthorizationManager extends AuthorizationManager {

  private final IdentityCaches caches;

  CachingAuthorizationManager(IdentityCaches caches) {
    this.caches = caches;
  }

  /** Opens one per command, in place of the engine's own. */
  static SessionFactory factory(IdentityCaches caches) {
    return new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return AuthorizationManager.class;
      }

      @Override
      public Session openSession() {
        return new CachingAuthorizationManager(caches);
      }
    };
  }

  @Override
  protected Set<String> getAllGroups() {
    return caches.authorizedGroups(super::getAllGroups);
  }

  @Override
  protected boolean isRevokeAuthCheckEnabled(String userId, List<String> groupIds) {
    // no revoking authorization anywhere: none can apply (the usual case: Muutos grants only)
    if (!caches.anyRevoke(this::anyRevokeStored)) {
      return false;
    }
    return super.isRevokeAuthCheckEnabled(userId, groupIds);
  }

  private boolean anyRevokeStored() {
    AuthorizationQueryImpl revokes = new AuthorizationQueryImpl();
    revokes.authorizationType(Authorization.AUTH_TYPE_REVOKE);
    return (Long) getDbEntityManager().selectOne("selectAuthorizationCountByQueryCriteria", revokes)
        > 0;
  }

  // Only a new or changed authorization can make the kept answers wrong (IdentityCaches decides).
  // A deleted one leaves them conservative: a group that no longer has authorizations changes no
  // check's result, and a revoke check that finds nothing costs one statement.

  @Override
  public void insert(DbEntity entity) {
    super.insert(entity);
    changed(entity);
  }

  @Override
  public void update(AuthorizationEntity authorization) {
    super.update(authorization);
    changed(authorization);
  }

  private void changed(DbEntity entity) {
    if (entity instanceof AuthorizationEntity authorization) {
      caches.authorizationChanged(
          authorization.getGroupId(),
          authorization.getAuthorizationType() == Authorization.AUTH_TYPE_REVOKE);
    }
  }
}
