package fi.muutos.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.muutos.platform.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 from the security filters as problem details, like every other error. */
final class ProblemSecurityHandlers {

  private final ObjectMapper objectMapper;
  private final SignInMethods methods;

  ProblemSecurityHandlers(ObjectMapper objectMapper, SignInMethods methods) {
    this.objectMapper = objectMapper;
    this.methods = methods;
  }

  AuthenticationEntryPoint entryPoint() {
    return (request, response, e) -> {
      if (e instanceof OAuth2AuthenticationException refused) {
        String reason = refused.getError().getDescription();
        reason = reason == null ? refused.getError().getErrorCode() : reason;
        response.setHeader(
            HttpHeaders.WWW_AUTHENTICATE,
            "Bearer error=\"invalid_token\", error_description=\""
                + reason.replaceAll("[\\p{Cntrl}\"\\\\]", " ")
                + "\"");
        write(
            response,
            HttpStatus.UNAUTHORIZED,
            "invalid-token",
            "Unauthorized",
            Problems.text("invalid-token.detail", reason));
        return;
      }
      if (methods.bearer()) {
        response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
      }
      if (methods.basic() && !fromBrowser(request)) {
        // a browser would show its own password prompt, cache what is typed and send it along
        // with requests that other sites make: browsers get no Basic challenge
        response.addHeader(
            HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Muutos\", charset=\"UTF-8\"");
      }
      write(response, HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", howToSignIn());
    };
  }

  private String howToSignIn() {
    String basic = Problems.text("sign-in.basic");
    String bearer = Problems.text("sign-in.bearer", methods.issuer());
    if (methods.basic() && methods.bearer()) {
      return Problems.text("sign-in.either", bearer, basic);
    }
    if (methods.bearer()) {
      return Problems.text("sign-in.one", bearer);
    }
    return methods.basic() ? Problems.text("sign-in.one", basic) : Problems.text("sign-in.none");
  }

  /**
   * Browsers send fetch metadata ({@code Sec-Fetch-Mode}) with every request, and ask for HTML when
   * they navigate; API clients do neither.
   */
  static boolean fromBrowser(HttpServletRequest request) {
    String accept = request.getHeader(HttpHeaders.ACCEPT);
    return request.getHeader("Sec-Fetch-Mode") != null
        || accept != null && accept.contains("text/html");
  }

  AccessDeniedHandler accessDeniedHandler() {
    return (request, response, e) ->
        write(
            response,
            HttpStatus.FORBIDDEN,
            "forbidden",
            "Forbidden",
            "Ryhmäsi eivät salli tätä (your groups do not allow this).");
  }

  private void write(
      HttpServletResponse response, HttpStatus status, String slug, String title, String detail)
      throws IOException {
    Problems.write(response, objectMapper, status, slug, title, detail);
  }
}
