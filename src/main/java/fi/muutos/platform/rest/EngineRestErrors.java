package fi.muutos.platform.rest;

import fi.muutos.platform.web.DatabaseOutage;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;

/**
 * The engine REST API's errors, as Camunda writes them ({@code {"type", "message", "code"}}), but
 * with the status the request deserves where the engine's default would be 500: a task or other
 * item that does not exist (404), an id the engine does not accept or a value the database cannot
 * hold (400), and the database being out of reach (503). Everything else is left to Camunda.
 */
@Provider
@Priority(1000) // before Camunda's own mapper of the same exception type (priority 5000)
public class EngineRestErrors implements ExceptionMapper<ProcessEngineException> {

  @Override
  public Response toResponse(ProcessEngineException e) {
    Status status = refined(e);
    ExceptionHandlerHelper camunda = ExceptionHandlerHelper.getInstance();
    if (status == null) {
      return camunda.getResponse(e);
    }
    return Response.status(status)
        .entity(EngineRestRefusals.body(e))
        .type(MediaType.APPLICATION_JSON_TYPE)
        .build();
  }

  static Status refined(ProcessEngineException e) {
    if (DatabaseOutage.causedBy(e)) {
      return Status.SERVICE_UNAVAILABLE;
    }
    Status refusal = EngineRestRefusals.status(e);
    if (refusal != null) {
      return refusal;
    }
    String message = e.getMessage() == null ? "" : e.getMessage();
    if (e instanceof NullValueException) {
      return message.startsWith("Cannot find") ? Status.NOT_FOUND : Status.BAD_REQUEST;
    }
    if (message.contains("is not a valid resource identifier")) {
      return Status.BAD_REQUEST;
    }
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      // SQLSTATE class 22: data exception (a value the column cannot hold)
      if (t instanceof SQLException sql
          && sql.getSQLState() != null
          && sql.getSQLState().startsWith("22")) {
        return Status.BAD_REQUEST;
      }
    }
    return null;
  }
}
