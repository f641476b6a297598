package fi.muutos.strategy.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/**
 * Which page of measures: one objective's (its code) or, without one, those under no objective;
 * from {@code offset}, at most {@code limit} (default 100, at most 500).
 */
record MeasurePageQuery(
    @Pattern(regexp = "[A-Za-z0-9_-]{1,64}") String objective,
    @Min(0) Integer offset,
    @Min(1) @Max(500) Integer limit) {

  MeasurePageQuery {
    offset = offset == null ? 0 : offset;
    limit = limit == null ? 100 : limit;
  }
}
