package fi.muutos.identity;

import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;

/**
 * The engine's own identity provider (users, groups and memberships in its tables), telling {@link
 * IdentityCaches} of every change, so that a verified sign-in kept there never outlives a password
 * change, a removed membership, a locked or deleted account on this node.
 *
 * <p>Engine internals (docs/engine-extensions.md): every change of a user, group or membership goes
 * through the provider's save and delete methods. {@code
 * IdentityCachesTest#aChangedPasswordOrADeletedAccountTakesEffectAtTheNextRequest} fails when an
 * upgrade changes that.
 */
class CachingIdentityProvider extends DbIdentityServiceProvider {

  private final IdentityCaches caches;

  CachingIdentityProvider(IdentityCaches caches) {
    this.caches = caches;
  }

  /** Opens one per command, in place of the engine's own (read-only and writable alike). */
  static SessionFactory factory(IdentityCaches caches) {
    return new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return DbIdentityServiceProvider.class;
      }

      @Override
      public Session openSession() {
        return new CachingIdentityProvider(caches);
      }
    };
  }

  @Override
  public IdentityOperationResult saveUser(User user) {
    return changed(super.saveUser(user));
  }

  @Override
  public IdentityOperationResult deleteUser(String userId) {
    return changed(super.deleteUser(userId));
  }

  @Override
  public IdentityOperationResult unlockUser(String userId) {
    return changed(super.unlockUser(userId));
  }

  @Override
  public IdentityOperationResult saveGroup(Group group) {
    return changed(super.saveGroup(group));
  }

  @Override
  public IdentityOperationResult deleteGroup(String groupId) {
    return changed(super.deleteGroup(groupId));
  }

  @Override
  public IdentityOperationResult createMembership(String userId, String groupId) {
    return changed(super.createMembership(userId, groupId));
  }

  @Override
  public IdentityOperationResult deleteMembership(String userId, String groupId) {
    return changed(super.deleteMembership(userId, groupId));
  }

  @Override
  protected void lockUser(org.camunda.bpm.engine.impl.persistence.entity.UserEntity user) {
    super.lockUser(user);
    caches.changed();
  }

  private IdentityOperationResult changed(IdentityOperationResult result) {
    caches.changed();
    return result;
  }
}
