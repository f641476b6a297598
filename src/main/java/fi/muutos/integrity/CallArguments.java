package fi.muutos.integrity;

import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.identity.User;

/** What the arguments of an engine service's call say: its variables, whose account it is about. */
final class CallArguments {

  private CallArguments() {}

  /** The variables argument of a start, completion or form submission (the last map), or null. */
  @SuppressWarnings("unchecked")
  static Map<String, ?> variables(Object[] args) {
    int index = variablesIndex(args);
    return index < 0 ? null : (Map<String, ?>) args[index];
  }

  /** Where {@link #variables} is in the arguments; -1 when there is none. */
  static int variablesIndex(Object[] args) {
    for (int i = args.length - 1; i > 0; i--) {
      if (args[i] instanceof Map<?, ?>) {
        return i;
      }
    }
    return -1;
  }

  /** A call on one's own account (a profile, a password): the caller's only. */
  static void ownAccountOnly(String method, Object[] args, String userId) {
    String account =
        args.length > 0 && args[0] instanceof User user
            ? user.getId()
            : args.length > 0 && args[0] instanceof String id ? id : null;
    if (!userId.equals(account)) {
      throw new AuthorizationException(
          "Tämän voi tehdä vain omalle käyttäjätilille (" + method + ": one's own account only).");
    }
  }
}
