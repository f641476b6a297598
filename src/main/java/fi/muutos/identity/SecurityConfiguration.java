package fi.muutos.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.muutos.platform.web.Problems;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Security is on by default. {@code /api/**}, {@code /engine-rest/**} and actuator (but health)
 * require HTTP Basic against the engine's identity service; nothing there is anonymous. Reads of
 * {@code /api} also accept a Camunda webapp login from the same browser (the dashboard). The
 * Camunda webapps keep their own session login, CSRF protection and application authorizations;
 * the start page, the API documentation and {@code /public/**} are open and read-only.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfiguration {

  static final String ADMIN_GROUP = "camunda-admin";

  /** A request the firewall refuses gets a 400 problem document like every other error. */
  @Bean
  RequestRejectedHandler requestRejectedHandler(ObjectMapper objectMapper) {
    return (request, response, e) -> Problems.write(response, objectMapper,
        HttpStatus.BAD_REQUEST, "rejected-request", "Bad request",
        "The request was refused: " + e.getMessage());
  }

  @Bean
  EngineIdentityAuthenticationProvider engineIdentityAuthenticationProvider(
      IdentityService identityService) {
    return new EngineIdentityAuthenticationProvider(identityService);
  }

  @Bean
  @Order(1)
  SecurityFilterChain apiSecurity(HttpSecurity http, IdentityService identityService,
      ObjectMapper objectMapper) throws Exception {
    var problems = new ProblemSecurityHandlers(objectMapper);
    // Path matchers on the whole path: /engine-rest is a Jersey servlet, not Spring MVC.
    var paths = PathPatternRequestMatcher.withDefaults();
    http.securityMatcher(new OrRequestMatcher(paths.matcher("/api/**"),
            paths.matcher("/engine-rest/**"), paths.matcher("/actuator/**")))
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(paths.matcher("/actuator/health"), paths.matcher("/actuator/health/**"))
            .permitAll()
            .requestMatchers(paths.matcher("/actuator/**")).hasRole(ADMIN_GROUP)
            .anyRequest().authenticated())
        .httpBasic(basic -> basic.authenticationEntryPoint(problems.entryPoint()))
        .exceptionHandling(exceptions -> exceptions
            .authenticationEntryPoint(problems.entryPoint())
            .accessDeniedHandler(problems.accessDeniedHandler()))
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        // Stateless clients with credentials on every request: no cookie, so no CSRF to prevent.
        .csrf(csrf -> csrf.disable())
        .addFilterBefore(new WebappSessionAuthenticationFilter(),
            BasicAuthenticationFilter.class)
        .addFilterAfter(new EngineRestAuthenticationFilter(identityService),
            AuthorizationFilter.class);
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain webSecurity(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        // The Camunda webapps bring their own session login and CSRF filter (camunda.bpm.webapp.csrf).
        .csrf(csrf -> csrf.disable())
        // Let browsers cache the webapps' static assets; the webapps set their own security headers.
        .headers(headers -> headers.cacheControl(cache -> cache.disable())
            .frameOptions(frame -> frame.sameOrigin()));
    return http.build();
  }
}
