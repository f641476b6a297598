package fi.muutos.ryhti;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The correction task's step: {@code #{resendToRyhti}} sends the plan's refused messages again. */
@Configuration(proxyBeanMethods = false)
class RyhtiCorrectionDelegates {

  @Bean
  JavaDelegate resendToRyhti(RyhtiQueue queue) {
    return execution -> queue.resend(execution.getProcessBusinessKey());
  }
}
