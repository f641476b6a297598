package fi.muutos.architecture.violation.gamma.web;

import org.camunda.bpm.engine.RuntimeService;

/** A deliberate violation for {@code ArchitectureTest}: a controller that uses the engine. */
public class GammaController {
  RuntimeService engine;
}
