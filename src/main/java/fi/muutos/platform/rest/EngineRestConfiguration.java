package fi.muutos.platform.rest;

import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/** The engine REST API as the starter sets it up, plus {@link EngineRestErrors}. */
@Component
class EngineRestConfiguration extends CamundaJerseyResourceConfig {

  @Override
  protected void registerAdditionalResources() {
    register(EngineRestErrors.class);
    register(EngineRestWrappedErrors.class);
    register(EngineRestRefusals.class);
  }
}
