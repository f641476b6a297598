package fi.muutos.platform.rest;

import fi.muutos.platform.DomainException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;

/**
 * Refusals that reach the engine REST API as something other than the engine's own exceptions: a
 * rule of Muutos (a task's values, a business key) thrown by a listener or delegate, a value of the
 * wrong type ({@link ClassCastException} in a listener), a Java-serialized value, a condition no
 * process waits for, an error or escalation that nothing in the model catches. Each is a 4xx whose
 * message is the rule's own text (Tasklist shows it), never a 500.
 *
 * <p>Engine internals (docs/engine-extensions.md): a task's or form's rule broken in a listener is
 * this exception; mapped here to a 400 with the rule's own Finnish text. {@code
 * IntegrityDrillTest#theRulesOfTheTaskAnswerFourHundredWithTheirFinnishText} fails when an upgrade
 * changes that.
 */
@Provider
@Priority(1000)
public class EngineRestRefusals implements ExceptionMapper<RuntimeException> {

  @Override
  public Response toResponse(RuntimeException e) {
    Status status = status(e);
    if (status == null) {
      return ExceptionHandlerHelper.getInstance().getResponse(e);
    }
    return Response.status(status).entity(body(e)).type(MediaType.APPLICATION_JSON_TYPE).build();
  }

  /** The status for a refusal anywhere in the cause chain, or null when it is none of these. */
  static Status status(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof DomainException domain) {
        return switch (domain.kind()) {
          case NOT_FOUND -> Status.NOT_FOUND;
          case CONFLICT -> Status.CONFLICT;
          case FORBIDDEN -> Status.FORBIDDEN;
          case INVALID -> Status.BAD_REQUEST;
        };
      }
      if (t instanceof ClassCastException
          || t instanceof BadUserRequestException
          || t instanceof FormFieldValidationException) {
        return Status.BAD_REQUEST; // a value of the wrong type; a field not on the task's form
      }
      String message = t.getMessage() == null ? "" : t.getMessage();
      if (message.contains("application/x-java-serialized-object")
          || message.contains("Java serialization format is prohibited")
          || message.contains("Cannot deserialize object in variable")
          || message.contains("No subscriptions were found during evaluation of the conditional")
          // an error or escalation that nothing in the model catches (an administrator's try)
          || message.contains("but no error handler was defined")
          || message.contains("but no escalation handler was defined")) {
        return Status.BAD_REQUEST;
      }
    }
    return null;
  }

  /** Camunda's error body, with the refusal's own message (not its wrapper's). */
  static ExceptionDto body(Throwable e) {
    ExceptionDto dto = ExceptionHandlerHelper.getInstance().fromException(e);
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof DomainException domain) {
        dto.setMessage(domain.getMessage());
        dto.setType(domain.slug());
      } else if (t instanceof ClassCastException) {
        dto.setMessage("A value has the wrong type (arvo on väärää tyyppiä): " + t.getMessage());
      }
    }
    return dto;
  }
}
