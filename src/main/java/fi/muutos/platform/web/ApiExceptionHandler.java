package fi.muutos.platform.web;

import fi.muutos.platform.DomainException;
import fi.muutos.platform.Problems;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of our Spring MVC endpoints as {@code application/problem+json}: 400 for bad input,
 * 403, 404, 409 for conflicts, 503 when the database is briefly unavailable. Bad input never
 * becomes a 500; an unexpected failure is a 500 without internals (logged with its stack trace).
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(DomainException.class)
  ProblemDetail domain(DomainException e) {
    HttpStatus status =
        switch (e.kind()) {
          case NOT_FOUND -> HttpStatus.NOT_FOUND;
          case CONFLICT -> HttpStatus.CONFLICT;
          case INVALID -> HttpStatus.BAD_REQUEST;
          case FORBIDDEN -> HttpStatus.FORBIDDEN;
        };
    return Problems.of(status, e.slug(), status.getReasonPhrase(), e.getMessage());
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ProblemDetail constraintViolation(ConstraintViolationException e) {
    ProblemDetail problem =
        Problems.of(
            HttpStatus.BAD_REQUEST,
            "invalid-request",
            "Invalid request",
            Problems.text("invalid-request.detail"));
    problem.setProperty(
        "errors",
        e.getConstraintViolations().stream()
            .map(v -> new FieldError(v.getPropertyPath().toString(), v.getMessage()))
            .toList());
    return problem;
  }

  @ExceptionHandler(AccessDeniedException.class)
  ProblemDetail accessDenied(AccessDeniedException e) {
    return Problems.of(
        HttpStatus.FORBIDDEN, "forbidden", "Forbidden", Problems.text("forbidden.detail"));
  }

  @ExceptionHandler(OptimisticLockingException.class)
  ProblemDetail concurrentChange(OptimisticLockingException e) {
    return Problems.of(
        HttpStatus.CONFLICT,
        "concurrent-change",
        "Concurrent change",
        Problems.text("concurrent-change.detail"));
  }

  /** Two requests created the same thing at once (e.g. one business key); the loser gets this. */
  @ExceptionHandler(DuplicateKeyException.class)
  ProblemDetail concurrentCreate(DuplicateKeyException e) {
    LOG.info("Concurrent create refused: {}", e.getMostSpecificCause().getMessage());
    return Problems.of(
        HttpStatus.CONFLICT,
        "concurrent-create",
        "Created at the same time",
        Problems.text("concurrent-create.detail"));
  }

  @ExceptionHandler(TransientDataAccessException.class)
  ResponseEntity<ProblemDetail> databaseUnavailable(TransientDataAccessException e) {
    LOG.warn("Database unavailable: {}", e.getMessage());
    return unavailable();
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    if (DatabaseOutage.causedBy(e)) {
      // e.g. the engine's own wrapping of a lost connection, or a transaction that could not begin
      LOG.warn("Database unavailable: {}", e.getMessage());
      return unavailable();
    }
    LOG.error("Unexpected failure", e);
    return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
        .body(
            Problems.of(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal",
                "Internal error",
                Problems.text("internal.detail")));
  }

  static ResponseEntity<ProblemDetail> unavailable() {
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, "5")
        .body(
            Problems.of(
                HttpStatus.SERVICE_UNAVAILABLE,
                "unavailable",
                "Service unavailable",
                DatabaseOutage.DETAIL));
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    ProblemDetail problem =
        Problems.of(
            HttpStatus.BAD_REQUEST,
            "invalid-request",
            "Invalid request",
            Problems.text("invalid-request.detail"));
    List<FieldError> errors =
        e.getBindingResult().getFieldErrors().stream()
            .map(f -> new FieldError(f.getField(), f.getDefaultMessage()))
            .toList();
    problem.setProperty("errors", errors);
    return ResponseEntity.badRequest().body(problem);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return ResponseEntity.badRequest()
        .body(
            Problems.of(
                HttpStatus.BAD_REQUEST,
                "unreadable-body",
                "Unreadable request body",
                unreadable(e.getMostSpecificCause())));
  }

  /**
   * What in the body could not be read, naming the field (issue 36): a value of the wrong type, or
   * a value outside an enumeration with the allowed ones; otherwise that the body is not JSON of
   * the expected shape.
   */
  static String unreadable(Throwable cause) {
    if (cause instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mismatch
        && !mismatch.getPath().isEmpty()) {
      String field =
          mismatch.getPath().stream()
              .map(
                  reference ->
                      reference.getFieldName() != null
                          ? reference.getFieldName()
                          : "[" + reference.getIndex() + "]")
              .collect(java.util.stream.Collectors.joining("."))
              .replace(".[", "[");
      Class<?> target = mismatch.getTargetType();
      if (mismatch instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException invalid
          && target != null
          && target.isEnum()) {
        return Problems.text(
            "unreadable-body.allowed",
            field,
            invalid.getValue(),
            java.util.Arrays.toString(target.getEnumConstants()));
      }
      return Problems.text(
          "unreadable-body.field", field, target == null ? "" : target.getSimpleName());
    }
    return Problems.text("unreadable-body.detail");
  }

  @Override
  protected ResponseEntity<Object> createResponseEntity(
      @Nullable Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
    if (body instanceof ProblemDetail problem
        && problem.getType() != null
        && "about:blank".equals(problem.getType().toString())) {
      problem.setType(Problems.type(slugOf(statusCode)));
    }
    return super.createResponseEntity(body, headers, statusCode, request);
  }

  private static String slugOf(HttpStatusCode status) {
    HttpStatus known = HttpStatus.resolve(status.value());
    return known == null
        ? "http-" + status.value()
        : known.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  /** One invalid field: where and what is wrong. */
  record FieldError(String field, String message) {}
}
