package fi.muutos.integrity;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.runtime.ProcessInstantiationBuilder;

/**
 * The builder of a start ({@code createProcessInstanceById/ByKey}): for a person, a start at the
 * start event with only the start form's fields; start instructions, skipped listeners or mappings
 * and local variables are for administrators ({@link EngineOperations}).
 */
final class GuardedStartBuilder implements InvocationHandler {
  private final ProcessInstantiationBuilder target;
  private final EngineGate gate;
  private final String definition;
  private final boolean byId;
  private final Map<String, Object> variables = new LinkedHashMap<>();
  private ProcessInstantiationBuilder proxy;

  private GuardedStartBuilder(
      ProcessInstantiationBuilder target, EngineGate gate, String definition, boolean byId) {
    this.target = target;
    this.gate = gate;
    this.definition = definition;
    this.byId = byId;
  }

  static ProcessInstantiationBuilder wrap(
      ProcessInstantiationBuilder target, EngineGate gate, String definition, boolean byId) {
    GuardedStartBuilder handler = new GuardedStartBuilder(target, gate, definition, byId);
    handler.proxy =
        (ProcessInstantiationBuilder)
            Proxy.newProxyInstance(
                ProcessInstantiationBuilder.class.getClassLoader(),
                new Class<?>[] {ProcessInstantiationBuilder.class},
                handler);
    return handler.proxy;
  }

  @Override
  public Object invoke(Object self, Method method, Object[] given) throws Throwable {
    Object[] args = given == null ? new Object[0] : given;
    if (method.getDeclaringClass() == Object.class) {
      return switch (method.getName()) {
        case "equals" -> self == args[0];
        case "hashCode" -> System.identityHashCode(self);
        default -> "start of " + definition;
      };
    }
    String name = method.getName();
    Caller caller = gate.caller();
    if (Caller.isRestricted(caller)) {
      Grant grant = EngineOperations.grant(ProcessInstantiationBuilder.class, name);
      boolean skips =
          name.startsWith("execute")
              && args.length == 2
              && (Boolean.TRUE.equals(args[0]) || Boolean.TRUE.equals(args[1]));
      boolean caseInstance = name.equals("caseInstanceId") && args[0] != null;
      if (grant == null || !grant.grants(caller.kinds()) || skips || caseInstance) {
        throw new AuthorizationException(
            "Käsittely alkaa aina alusta: muualta aloittaminen, kuuntelijoiden tai vientien"
                + " ohittaminen ja CMMN-tapaus ovat vain pääkäyttäjän (a start elsewhere than at"
                + " the start event is an administrator's; ProcessInstantiationBuilder."
                + name
                + ").");
      }
    }
    if (name.equals("setVariable")) {
      variables.put((String) args[0], args[1]);
    } else if (name.equals("setVariables") && args[0] instanceof Map<?, ?> map) {
      map.forEach((key, value) -> variables.put(String.valueOf(key), value));
    }
    if (name.startsWith("execute")) {
      if (Caller.isRestricted(caller)) {
        gate.guard().checkStartVariables(definition, byId, variables);
      }
      return EngineGate.inside(() -> call(method, args));
    }
    Object result = call(method, args);
    return result == target ? proxy : result;
  }

  private Object call(Method method, Object[] args) {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new UndeclaredThrowableException(e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
