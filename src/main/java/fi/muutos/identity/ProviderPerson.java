package fi.muutos.identity;

import java.util.Set;

/**
 * Who a token of the identity provider says its bearer is: the engine user id, the Muutos groups
 * (from the token and nothing else), and the name and e-mail address that Tasklist and the
 * reminders show (null where the token does not say, as for a technical account).
 */
record ProviderPerson(
    String userId, Set<String> groups, String firstName, String lastName, String email) {

  ProviderPerson {
    groups = Set.copyOf(groups);
  }
}
