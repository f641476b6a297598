package fi.muutos;

import fi.muutos.platform.HealthCheck;
import org.camunda.bpm.spring.boot.starter.annotation.EnableProcessApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Muutos: a municipality's reform programme as executable BPMN on Camunda 7.
 *
 * <p>{@link EnableProcessApplication} deploys {@code processes/} through {@code
 * META-INF/processes.xml} (BPMN, DMN and Camunda Forms together, unchanged models not again).
 */
@SpringBootApplication
@EnableProcessApplication("muutos")
@ConfigurationPropertiesScan
public class MuutosApplication {

  public static void main(String[] args) {
    if (HealthCheck.requested(args)) {
      // the container's health check (java -jar muutos.jar health-check), not the application
      System.exit(HealthCheck.run(System.getenv(), System.err));
    }
    SpringApplication.run(MuutosApplication.class, args);
  }
}
