package fi.muutos.strategy.web;

import java.util.function.Supplier;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.WebRequest;

/**
 * The strategy's answers carry its version as their ETag: a client that has the current one gets
 * {@code 304 Not Modified} without the strategy being read at all. Public answers may be kept by
 * the browser and are asked again each time ({@code no-cache}); signed-in ones are not kept.
 */
final class StrategyEtags {

  private StrategyEtags() {}

  static <T> ResponseEntity<T> answer(
      WebRequest request, String version, Supplier<T> body, boolean shared) {
    String etag = "\"" + version + "\"";
    CacheControl cache = shared ? CacheControl.noCache() : CacheControl.noStore();
    if (request.checkNotModified(etag)) {
      return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(cache).build();
    }
    return ResponseEntity.ok().eTag(etag).cacheControl(cache).body(body.get());
  }
}
