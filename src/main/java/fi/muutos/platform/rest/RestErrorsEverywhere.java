package fi.muutos.platform.rest;

import jakarta.ws.rs.core.FeatureContext;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

/**
 * Puts Muutos' error mappers ({@link EngineRestErrors}, {@link EngineRestWrappedErrors}, {@link
 * EngineRestRefusals}, {@link EngineRestJsonLimits}) into every JAX-RS application of the server,
 * not only {@code /engine-rest}: the webapps' own engine API ({@code /camunda/api/engine}), which
 * Tasklist uses to complete tasks, then answers a refused completion with the same 400 and the
 * rule's Finnish text. Found by Jersey through {@code META-INF/services}.
 */
public class RestErrorsEverywhere implements ForcedAutoDiscoverable {

  @Override
  public void configure(FeatureContext context) {
    for (Class<?> mapper :
        new Class<?>[] {
          EngineRestErrors.class,
          EngineRestWrappedErrors.class,
          EngineRestRefusals.class,
          EngineRestJsonLimits.class
        }) {
      if (!context.getConfiguration().isRegistered(mapper)) {
        context.register(mapper);
      }
    }
  }
}
