package fi.muutos.platform.rest;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;

/**
 * A request body beyond Jackson's limits (nested deeper than 1,000 levels, a number or text too
 * long) is the client's error: 400, as {@code /api} answers it, never a 500 with a stack trace.
 */
@Provider
@Priority(1000)
public class EngineRestJsonLimits implements ExceptionMapper<StreamConstraintsException> {

  @Override
  public Response toResponse(StreamConstraintsException e) {
    ExceptionDto dto = new ExceptionDto();
    dto.setType("InvalidRequestException");
    dto.setMessage(
        "The request's JSON is beyond the limits of this API (pyynnön JSON on liian syvä tai"
            + " suuri): "
            + e.getOriginalMessage());
    return Response.status(Status.BAD_REQUEST)
        .entity(dto)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .build();
  }
}
