package fi.muutos;

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
    SpringApplication.run(MuutosApplication.class, args);
  }
}
