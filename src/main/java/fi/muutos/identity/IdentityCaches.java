package fi.muutos.identity;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What the engine would otherwise read on every request and every command, kept for a short time
 * ({@code muutos.identity.cache-ttl}, default 10 s; 0 turns it off): verified sign-ins with their
 * groups, the groups that appear in any authorization, and whether any revoking authorization
 * exists. A change of users, groups, memberships or authorizations empties the caches when it
 * commits on this node; other nodes see it within the time to live. Bounded.
 *
 * <p>Engine internals (docs/engine-extensions.md): a listener added to the command's transaction
 * context for COMMITTED runs after the change commits, never for a rolled-back one. {@code
 * IdentityCachesTest#aRemovedOrAddedMembershipTakesEffectAtTheNextRequest} fails when an upgrade
 * changes that.
 */
@Component
class IdentityCaches {

  private static final int MAX_SIGN_INS = 10_000;

  /** A value and when it was read ({@link System#nanoTime()}: technical time, not the clock's). */
  private record Entry<T>(T value, long at) {}

  private final long ttlNanos;
  private final Map<String, Entry<Set<String>>> signIns =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry<Set<String>>> eldest) {
          return size() > MAX_SIGN_INS;
        }
      };
  private Entry<Set<String>> authorizedGroups;
  private Entry<Boolean> anyRevoke;

  /**
   * Raised by every forgetting: an answer read while something changed is not kept (it may be the
   * state before the change).
   */
  private long generation;

  IdentityCaches(@Value("${muutos.identity.cache-ttl:PT10S}") Duration ttl) {
    this.ttlNanos = Math.max(0, ttl.toNanos());
  }

  boolean enabled() {
    return ttlNanos > 0;
  }

  /** The groups of a sign-in verified within the time to live, or null. */
  synchronized Set<String> signIn(String key) {
    Entry<Set<String>> entry = signIns.get(key);
    return fresh(entry) ? entry.value() : null;
  }

  /** Where the caches stand now; pass it to {@link #rememberSignIn} after verifying. */
  synchronized long generation() {
    return generation;
  }

  /** Keeps a sign-in verified since {@code readAt}, unless something changed meanwhile. */
  synchronized void rememberSignIn(String key, Set<String> groups, long readAt) {
    if (enabled() && generation == readAt) {
      signIns.put(key, new Entry<>(Set.copyOf(groups), System.nanoTime()));
    }
  }

  /** The ids of the groups that any authorization names. */
  Set<String> authorizedGroups(Supplier<Set<String>> load) {
    long readAt;
    synchronized (this) {
      if (fresh(authorizedGroups)) {
        return authorizedGroups.value();
      }
      readAt = generation;
    }
    Set<String> loaded = Set.copyOf(load.get());
    synchronized (this) {
      if (enabled() && generation == readAt) {
        authorizedGroups = new Entry<>(loaded, System.nanoTime());
      }
    }
    return loaded;
  }

  /** Whether any authorization revokes something. */
  boolean anyRevoke(Supplier<Boolean> load) {
    long readAt;
    synchronized (this) {
      if (fresh(anyRevoke)) {
        return anyRevoke.value();
      }
      readAt = generation;
    }
    boolean loaded = load.get();
    synchronized (this) {
      if (enabled() && generation == readAt) {
        anyRevoke = new Entry<>(loaded, System.nanoTime());
      }
    }
    return loaded;
  }

  /**
   * A user, group, membership or lock changed: empties everything now and again when the current
   * engine command commits (a request that filled the caches in between read the state before the
   * change).
   */
  void changed() {
    clear();
    afterCommit(this::clear);
  }

  /**
   * An authorization was created or changed: the kept answers stay unless it names a group they do
   * not know (its members would be refused) or revokes (it would not apply). The groups' own task
   * authorizations, created with every group task, name a known group and keep them.
   */
  void authorizationChanged(String groupId, boolean revoke) {
    boolean stale;
    synchronized (this) {
      stale =
          revoke
              || groupId != null
                  && authorizedGroups != null
                  && !authorizedGroups.value().contains(groupId);
    }
    if (stale) {
      forgetAuthorizations();
      afterCommit(this::forgetAuthorizations);
    }
  }

  private synchronized void forgetAuthorizations() {
    authorizedGroups = null;
    anyRevoke = null;
    generation++;
  }

  private static void afterCommit(Runnable action) {
    CommandContext command = Context.getCommandContext();
    if (command != null) {
      command
          .getTransactionContext()
          .addTransactionListener(TransactionState.COMMITTED, committed -> action.run());
    }
  }

  synchronized void clear() {
    signIns.clear();
    authorizedGroups = null;
    anyRevoke = null;
    generation++;
  }

  private boolean fresh(Entry<?> entry) {
    return entry != null && enabled() && System.nanoTime() - entry.at() < ttlNanos;
  }
}
