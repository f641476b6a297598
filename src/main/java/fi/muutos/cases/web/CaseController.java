package fi.muutos.cases.web;

import fi.muutos.cases.CaseSearch;
import fi.muutos.cases.CaseSearch.CaseSummary;
import fi.muutos.cases.Cases;
import fi.muutos.cases.Filing;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Every process's cases, found by name, key, process or instance: management's lookup. */
@RestController
@RequestMapping("/api/cases")
@Tag(name = "Tapaukset", description = "Kaikkien prosessien tapaukset")
@Validated
class CaseController {

  private final Cases cases;
  private final CaseSearch search;

  CaseController(Cases cases, CaseSearch search) {
    this.cases = cases;
    this.search = search;
  }

  @GetMapping
  @PreAuthorize("@api.may(authentication, 'monitoring.read')")
  @Operation(
      summary =
          "Cases (plans, reforms, transfers, evaluations) by a part of their name or business key"
              + " (q), their process (process) or instance (processInstanceId); newest first")
  List<CaseSummary> search(
      @RequestParam(required = false) @Size(max = 200) String q,
      @RequestParam(required = false) @Pattern(regexp = "[A-Za-z][A-Za-z0-9_.-]{0,254}")
          String process,
      @RequestParam(required = false) @Pattern(regexp = "[A-Za-z0-9-]{1,64}")
          String processInstanceId,
      @RequestParam(defaultValue = "50") int limit) {
    return search.search(process, processInstanceId, q, limit);
  }

  @GetMapping("/{businessKey}/filings")
  @PreAuthorize("@api.may(authentication, 'monitoring.read')")
  @Operation(
      summary =
          "The legal filings on a case (muistutukset, statements, appeals, decisions...): each with"
              + " its filing date, and whether a step took it or it waits for the case's group")
  List<Filing> filings(
      @PathVariable @Pattern(regexp = "[\\p{L}\\p{N}][\\p{L}\\p{N} /._:-]{0,139}")
          String businessKey) {
    return cases.filings(businessKey);
  }
}
