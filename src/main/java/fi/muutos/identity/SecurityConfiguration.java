package fi.muutos.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.muutos.platform.Problems;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Security is on by default. {@code /api/**}, {@code /engine-rest/**} and actuator (but health)
 * require HTTP Basic against the engine's identity service, or the bearer token of the city's
 * identity provider when one is configured ({@link SignInMethods}); nothing there is anonymous.
 * Reads of {@code /api} also accept a Camunda webapp login from the same browser (the dashboard).
 * The Camunda webapps keep their own session login, CSRF protection and application authorizations;
 * the start page, the API documentation and {@code /public/**} are open and read-only.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfiguration {

  static final String ADMIN_GROUP = Groups.ADMIN;

  /** A request the firewall refuses gets a 400 problem document like every other error. */
  @Bean
  RequestRejectedHandler requestRejectedHandler(ObjectMapper objectMapper) {
    return (request, response, e) ->
        Problems.write(
            response,
            objectMapper,
            HttpStatus.BAD_REQUEST,
            "rejected-request",
            "Bad request",
            Problems.text("rejected-request.detail", e.getMessage()));
  }

  @Bean
  EngineIdentityAuthenticationProvider engineIdentityAuthenticationProvider(
      IdentityService identityService, IdentityCaches caches) {
    return new EngineIdentityAuthenticationProvider(identityService, caches);
  }

  @Bean
  SignInMethods signInMethods(Environment environment) {
    return SignInMethods.of(environment);
  }

  /** The identity provider's bearer tokens, when an issuer is configured. */
  @Bean
  @ConditionalOnProperty(SignInMethods.ISSUER)
  JwtDecoder jwtDecoder(SignInMethods methods, OidcSettings oidc) {
    return BearerTokens.decoder(methods.issuer(), oidc.audience());
  }

  @Bean
  @Order(1)
  SecurityFilterChain apiSecurity(
      HttpSecurity http,
      IdentityService identityService,
      ObjectMapper objectMapper,
      SignInMethods methods,
      ObjectProvider<JwtDecoder> jwtDecoder,
      ProviderIdentity providerIdentity,
      EngineAccounts accounts)
      throws Exception {
    var problems = new ProblemSecurityHandlers(objectMapper, methods);
    // Path matchers on the whole path: /engine-rest is a Jersey servlet, not Spring MVC.
    var paths = PathPatternRequestMatcher.withDefaults();
    http.securityMatcher(
            new OrRequestMatcher(
                paths.matcher("/api/**"),
                paths.matcher("/engine-rest/**"),
                paths.matcher("/actuator/**")))
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(
                        paths.matcher("/actuator/health"), paths.matcher("/actuator/health/**"))
                    .permitAll()
                    .requestMatchers(paths.matcher("/actuator/**"))
                    .hasRole(ADMIN_GROUP)
                    // Camunda's Optimize export reads every history row (variable updates too);
                    // its service is not one of the engine's guarded services: administrators'
                    .requestMatchers(paths.matcher("/engine-rest/optimize/**"))
                    .hasRole(ADMIN_GROUP)
                    .anyRequest()
                    .authenticated())
        .exceptionHandling(
            exceptions ->
                exceptions
                    .authenticationEntryPoint(problems.entryPoint())
                    .accessDeniedHandler(problems.accessDeniedHandler()))
        // Stateless; and a read with the webapps' session (the bridge below) must never change
        // that session's id: Spring's session-fixation protection would, and the webapp's own
        // requests still on the old id would find themselves signed out.
        .sessionManagement(
            session ->
                session
                    .sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                    .sessionFixation(fixation -> fixation.none()))
        // Stateless clients with credentials on every request: no cookie, so no CSRF to prevent.
        .csrf(csrf -> csrf.disable())
        .addFilterBefore(
            new WebappSessionAuthenticationFilter(identityService), BasicAuthenticationFilter.class)
        // after authentication and authorization: an anonymous or unauthorised call is 401/403 as
        // before; an authenticated one that a browser could have sent from another site is refused
        .addFilterAfter(new CrossSiteRequests(objectMapper), AuthorizationFilter.class)
        .addFilterAfter(
            new EngineRestAuthenticationFilter(identityService), CrossSiteRequests.class);
    if (methods.basic()) {
      http.httpBasic(basic -> basic.authenticationEntryPoint(problems.entryPoint()));
    }
    if (methods.bearer()) {
      http.oauth2ResourceServer(
          tokens ->
              tokens
                  .authenticationEntryPoint(problems.entryPoint())
                  .accessDeniedHandler(problems.accessDeniedHandler())
                  .jwt(
                      jwt ->
                          jwt.decoder(jwtDecoder.getObject())
                              .jwtAuthenticationConverter(
                                  new BearerTokens(providerIdentity, accounts))));
    }
    return http.build();
  }

  /**
   * With single sign-on, Camunda's container-based authentication signs the person the provider
   * signed in into the webapps (after Spring Security's filters); otherwise the webapps' own login.
   */
  @Bean
  FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappContainerSignIn(
      SignInMethods methods,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    var registration = new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
    registration.setName("Camunda container-based authentication (single sign-on)");
    registration.setInitParameters(
        Map.of(
            ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
            WebappContainerSignIn.class.getName()));
    registration.addUrlPatterns(webappPath + "/app/*", webappPath + "/api/*");
    registration.setDispatcherTypes(DispatcherType.REQUEST);
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
    registration.setEnabled(methods.webapps());
    return registration;
  }

  /** Counts failed sign-ins per address, in front of everything (also the webapps' login). */
  @Bean
  FilterRegistrationBean<LoginThrottle> loginThrottle(
      ObjectMapper objectMapper,
      Clock clock,
      @Value("${muutos.identity.login.max-failures-per-address:20}") int maxFailures,
      @Value("${muutos.identity.login.window:PT15M}") Duration window,
      @Value("${muutos.identity.login.block:PT15M}") Duration block) {
    var registration =
        new FilterRegistrationBean<>(
            new LoginThrottle(
                new LoginThrottle.Settings(maxFailures, window, block), objectMapper, clock));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }

  /** Cockpit's and Admin's plugin APIs answer only sessions that may open them. */
  @Bean
  FilterRegistrationBean<WebappApiAccess> webappApiAccess(
      ObjectMapper objectMapper,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    var registration = new FilterRegistrationBean<>(new WebappApiAccess(webappPath, objectMapper));
    registration.addUrlPatterns(webappPath + "/api/*");
    // after Camunda's own authentication filter, which puts the session's sign-in in place
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 2);
    return registration;
  }

  @Bean
  FilterRegistrationBean<WebappLoginPolicy> webappLoginPolicy(
      IdentityService identityService, IdentitySettings identity, ObjectMapper objectMapper) {
    var registration =
        new FilterRegistrationBean<>(
            new WebappLoginPolicy(identityService, identity, objectMapper));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
    return registration;
  }

  /**
   * Muutos' own pages and the API documentation: a Content-Security-Policy and a Referrer-Policy.
   * (The Camunda webapps set their own.)
   */
  @Bean
  @Order(2)
  SecurityFilterChain pageSecurity(HttpSecurity http) throws Exception {
    var paths = PathPatternRequestMatcher.withDefaults();
    http.securityMatcher(
            new OrRequestMatcher(
                paths.matcher("/"),
                paths.matcher("/index.html"),
                paths.matcher("/strategia.html"),
                paths.matcher("/muistutukset.html"),
                paths.matcher("/saavutettavuus.html"),
                paths.matcher("/calendar/**"),
                paths.matcher("/*.css"),
                paths.matcher("/*.js"),
                paths.matcher("/swagger-ui.html"),
                paths.matcher("/swagger-ui/**"),
                paths.matcher("/v3/api-docs/**"),
                paths.matcher("/v3/api-docs"),
                paths.matcher("/public/**")))
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .csrf(csrf -> csrf.disable()) // nothing here changes state
        .headers(
            headers ->
                headers
                    .cacheControl(cache -> cache.disable())
                    .frameOptions(frame -> frame.sameOrigin())
                    .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                    .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
    return http.build();
  }

  /** Own scripts and styles only; Swagger UI needs inline styles and data: images. */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; "
          + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; "
          + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

  @Bean
  @Order(3)
  SecurityFilterChain webSecurity(
      HttpSecurity http,
      SignInMethods methods,
      ObjectProvider<ClientRegistrationRepository> registrations,
      ProviderIdentity providerIdentity,
      EngineAccounts accounts,
      OidcSettings oidc)
      throws Exception {
    if (methods.webapps()) {
      WebappSingleSignOn.configure(
          http,
          registrations.getObject(),
          new WebappSignIn(providerIdentity, accounts, oidc),
          oidc.postLogoutRedirectUri());
    } else {
      http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
          // the webapps sign out themselves; Spring's /logout would only be a link another site
          // could use to end a session
          .logout(logout -> logout.disable());
    }
    // The Camunda webapps bring their own CSRF filter (camunda.bpm.webapp.csrf).
    http.csrf(csrf -> csrf.disable())
        // Let browsers cache the webapps' static assets; the webapps set their own security
        // headers.
        .headers(
            headers ->
                headers
                    .cacheControl(cache -> cache.disable())
                    .frameOptions(frame -> frame.sameOrigin()));
    return http.build();
  }
}
