package fi.muutos.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Makes a person the identity provider signed in known to the engine: the account (user id, name,
 * e-mail) is created on the first sign-in, so Tasklist shows names, assignments work and reminders
 * reach the person, and kept as the provider says; the person's memberships become exactly the
 * token's groups, so the webapps' own periodic re-check and the reminders see what the directory
 * says. An account created here has no password anyone knows: it signs in only through the
 * provider. What was written is remembered for a few minutes (bounded), so a client's every bearer
 * request does not write.
 */
@Component
class EngineAccounts {

  private static final Logger LOG = LoggerFactory.getLogger(EngineAccounts.class);
  static final Duration REMEMBERED = Duration.ofMinutes(5);
  private static final int MAX_REMEMBERED = 10_000;
  private static final SecureRandom RANDOM = new SecureRandom();

  private record Seen(ProviderPerson person, Instant at) {}

  private final IdentityService identityService;
  private final Clock clock;
  private final Map<String, Seen> remembered =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Seen> eldest) {
          return size() > MAX_REMEMBERED;
        }
      };

  EngineAccounts(IdentityService identityService, Clock clock) {
    this.identityService = identityService;
    this.clock = clock;
  }

  /** Creates or updates the person's account and memberships unless just done. */
  void remember(ProviderPerson person) {
    Instant now = clock.instant();
    synchronized (remembered) {
      Seen seen = remembered.get(person.userId());
      if (seen != null && seen.person().equals(person) && seen.at().plus(REMEMBERED).isAfter(now)) {
        return;
      }
    }
    try {
      account(person);
      memberships(person);
    } catch (ProcessEngineException e) {
      // two first requests of one person at once: the other one created it; or an id the engine
      // refuses (its user-resource-whitelist-pattern)
      if (identityService.createUserQuery().userId(person.userId()).count() == 0) {
        throw ProviderIdentity.refused(
            "The user id "
                + person.userId()
                + " cannot be an account here: "
                + e.getMessage()
                + " (choose another muutos.identity.oidc.user-claim or widen the engine's"
                + " user-resource-whitelist-pattern).");
      }
      memberships(person);
    }
    synchronized (remembered) {
      remembered.put(person.userId(), new Seen(person, now));
    }
  }

  /** Forgets what was written, so the next request writes again (after Admin changed things). */
  void forget(String userId) {
    synchronized (remembered) {
      remembered.remove(userId);
    }
  }

  private void account(ProviderPerson person) {
    User user = identityService.createUserQuery().userId(person.userId()).singleResult();
    if (user == null) {
      user = identityService.newUser(person.userId());
      // nobody knows it: the account signs in only through the provider
      user.setPassword(unusablePassword());
      user.setFirstName(person.userId());
      LOG.info(
          "First sign-in through the identity provider: created the account {}", person.userId());
    } else if (unchanged(person.firstName(), user.getFirstName())
        && unchanged(person.lastName(), user.getLastName())
        && unchanged(person.email(), user.getEmail())) {
      return;
    }
    // what the token says; what it does not say (a technical account's name) stays as it is
    if (person.firstName() != null) {
      user.setFirstName(person.firstName());
    }
    if (person.lastName() != null) {
      user.setLastName(person.lastName());
    }
    if (person.email() != null) {
      user.setEmail(person.email());
    }
    identityService.saveUser(user);
  }

  private static boolean unchanged(String fromToken, String stored) {
    return fromToken == null || fromToken.equals(stored);
  }

  private void memberships(ProviderPerson person) {
    Set<String> current =
        identityService.createGroupQuery().groupMember(person.userId()).list().stream()
            .map(Group::getId)
            .collect(Collectors.toSet());
    Set<String> added = new HashSet<>(person.groups());
    added.removeAll(current);
    Set<String> removed = new HashSet<>(current);
    removed.removeAll(person.groups());
    added.forEach(group -> identityService.createMembership(person.userId(), group));
    removed.forEach(group -> identityService.deleteMembership(person.userId(), group));
    if (!added.isEmpty() || !removed.isEmpty()) {
      LOG.info(
          "Groups of {} from the identity provider: added {}, removed {}",
          person.userId(),
          added,
          removed);
    }
  }

  private static String unusablePassword() {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
  }
}
