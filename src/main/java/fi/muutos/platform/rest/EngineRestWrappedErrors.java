package fi.muutos.platform.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;

/**
 * The REST API often wraps the engine's exception in a {@link RestException} with status 500 (e.g.
 * "Cannot complete task": the task does not exist), and some refusals of a right in a 400 (adding
 * an attachment). The wrapped cause decides the status as in {@link EngineRestErrors}, a refused
 * right is 403; any other status the REST API chose stays.
 */
@Provider
@Priority(1000)
public class EngineRestWrappedErrors implements ExceptionMapper<RestException> {

  @Override
  public Response toResponse(RestException e) {
    ExceptionHandlerHelper camunda = ExceptionHandlerHelper.getInstance();
    if (e.getCause() instanceof AuthorizationException refused) {
      // a refused right is a 403 wherever the REST API wrapped it (it wraps some in a 400)
      return camunda.getResponse(refused);
    }
    if (e.getStatus() == Status.INTERNAL_SERVER_ERROR || e.getStatus() == null) {
      Status status =
          e.getCause() instanceof ProcessEngineException cause
              ? EngineRestErrors.refined(cause)
              : EngineRestRefusals.status(e.getCause());
      if (status != null) {
        return Response.status(status)
            .entity(EngineRestRefusals.body(e))
            .type(MediaType.APPLICATION_JSON_TYPE)
            .build();
      }
    }
    return camunda.getResponse(e);
  }
}
