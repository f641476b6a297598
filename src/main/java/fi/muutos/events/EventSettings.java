package fi.muutos.events;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code muutos.events.*}: our events' source, the inbox's retry horizon and back-off, the routing
 * table from inbound event type to BPMN message and variables, the event types each process may
 * receive ({@code processes}), and what each integration account may send ({@code senders}, by user
 * id; administrators may send anything).
 */
@Validated
@ConfigurationProperties("muutos.events")
record EventSettings(
    @NotBlank String source,
    @NotNull Duration horizon,
    @Valid Retry retry,
    @Valid List<Route> routes,
    Map<String, List<String>> processes,
    Map<String, @Valid Sender> senders) {

  EventSettings {
    processes = processes == null ? Map.of() : Map.copyOf(processes);
    routes = routes == null ? List.of() : List.copyOf(routes);
    senders = senders == null ? Map.of() : Map.copyOf(senders);
    retry = retry == null ? new Retry(true, null, null, null, null) : retry;
  }

  Optional<Route> route(String type) {
    return routes.stream().filter(r -> r.type().equals(type)).findFirst();
  }

  /**
   * Back-off of pending events: first delay, doubling up to the maximum; how often to look; and how
   * long a node's claim on an event lasts: an event whose node died while correlating it is taken
   * over by another node (or the restarted one) when the claim runs out.
   */
  record Retry(
      boolean enabled,
      Duration pollInterval,
      Duration firstDelay,
      Duration maxDelay,
      Duration claim) {
    Retry {
      claim = claim == null ? Duration.ofMinutes(2) : claim;
      pollInterval = pollInterval == null ? Duration.ofSeconds(5) : pollInterval;
      firstDelay = firstDelay == null ? Duration.ofSeconds(10) : firstDelay;
      maxDelay = maxDelay == null ? Duration.ofHours(1) : maxDelay;
    }

    Duration delayAfter(int attempts) {
      return new fi.muutos.platform.Backoff(firstDelay, maxDelay).after(attempts);
    }
  }

  /**
   * One event type: the message it correlates and the variables it carries. {@code localKeys} name
   * variables (of {@code variables}) that must also match a local variable of the waiting
   * execution, e.g. which authority's statement a parallel branch waits for. {@code
   * fallbackMessage}, when set, is correlated (without local keys) when nothing waits for {@code
   * message}: e.g. a statement that arrives after its branch's deadline is recorded as late, not
   * left to expire. {@code filing}, when set, makes each event of the type a legal filing on its
   * case (ADR 0052).
   */
  record Route(
      @NotBlank String type,
      @NotBlank String message,
      Map<String, @Valid VariableRule> variables,
      List<String> localKeys,
      String fallbackMessage,
      @Valid FilingRule filing) {
    Route {
      variables = variables == null ? Map.of() : Map.copyOf(variables);
      localKeys = localKeys == null ? List.of() : List.copyOf(localKeys);
      fallbackMessage =
          fallbackMessage == null || fallbackMessage.isBlank() ? null : fallbackMessage;
      if (filing != null) {
        for (String variable : java.util.Arrays.asList(filing.date(), filing.reference())) {
          if (variable != null && !variables.containsKey(variable)) {
            throw new IllegalArgumentException(
                "muutos.events.routes: tyypin "
                    + type
                    + " filing nimeää muuttujan "
                    + variable
                    + ", jota reitillä ei ole; reitin muuttujat: "
                    + variables.keySet()
                    + " (a filing names a variable its route does not have)");
          }
        }
      }
    }

    /** The route of the fallback message: same type, variables and filing, no local keys. */
    Route fallback() {
      return new Route(type, fallbackMessage, variables, List.of(), null, filing);
    }
  }

  /**
   * An event type that is a legal filing (ADR 0052): what it is called in Finnish ({@code label},
   * e.g. Muistutus), the variable holding its filing date ({@code date}: the date its legal effect
   * counts from) and, optionally, the one holding its reference ({@code reference}).
   */
  record FilingRule(@NotBlank String label, @NotBlank String date, String reference) {}

  /** The processes (definition keys) that may receive events of this type. */
  List<String> processesReceiving(String type) {
    return processes.entrySet().stream()
        .filter(e -> e.getValue().contains(type))
        .map(Map.Entry::getKey)
        .sorted()
        .toList();
  }

  /**
   * What one integration account may send: sources (a source matches when it is one of these or
   * lies below one, {@code /dynasty} covers {@code /dynasty/heinola}) and event types.
   */
  record Sender(@NotEmpty List<@NotBlank String> sources, @NotEmpty List<@NotBlank String> types) {
    Sender {
      sources = List.copyOf(sources);
      types = List.copyOf(types);
    }

    boolean may(String source, String type) {
      return types.contains(type)
          && sources.stream()
              .anyMatch(
                  allowed ->
                      source.equals(allowed)
                          || source.startsWith(allowed.endsWith("/") ? allowed : allowed + "/"));
    }
  }

  /**
   * A process variable taken from the event's data.
   *
   * @param path JSON pointer into {@code data}, e.g. {@code /outcome}
   * @param type string (default), integer, boolean or date (YYYY-MM-DD, kept as that string)
   * @param required whether the event is invalid without it
   * @param allowed the only values allowed, if any
   */
  record VariableRule(@NotBlank String path, String type, boolean required, List<String> allowed) {
    VariableRule {
      type = type == null ? "string" : type;
      allowed = allowed == null ? List.of() : List.copyOf(allowed);
    }
  }
}
