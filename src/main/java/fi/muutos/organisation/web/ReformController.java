package fi.muutos.organisation.web;

import com.fasterxml.jackson.annotation.JsonAlias;
import fi.muutos.identity.SignedInUser;
import fi.muutos.organisation.OrganisationReformProcedure;
import fi.muutos.organisation.OrganisationReformProcedure.Started;
import fi.muutos.organisation.ReformView;
import fi.muutos.organisation.Reforms;
import fi.muutos.organisation.StartReform;
import fi.muutos.strategy.StrategyService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Organisation and committee reforms. */
@RestController
@RequestMapping("/api/reforms")
@Tag(
    name = "Organisaatiouudistus",
    description = "Organisaatio- ja lautakuntarakenne, hallintosääntö")
class ReformController {

  private final OrganisationReformProcedure procedure;
  private final StrategyService strategy;
  private final Reforms reforms;

  ReformController(
      OrganisationReformProcedure procedure, Reforms reforms, StrategyService strategy) {
    this.strategy = strategy;
    this.procedure = procedure;
    this.reforms = reforms;
  }

  @PostMapping
  @PreAuthorize("@api.may(authentication, 'reforms.start')")
  @Operation(
      summary =
          "Start a reform: committees, divisions, a proposed effective date (the council's"
              + " decision sets it), an interim term (201)")
  ResponseEntity<Started> start(
      @Valid @RequestBody StartReformRequest body, Authentication authentication) {
    strategy.checkStartedFor(body.measures(), SignedInUser.of(authentication).groups());
    Started started =
        procedure.start(
            new StartReform(
                body.name(),
                body.proposedEffectiveDate(),
                body.interimTermEnds(),
                body.committees(),
                body.divisions(),
                body.followUpMonths(),
                body.measures(),
                body.businessKey()));
    return ResponseEntity.created(URI.create("/api/reforms/" + started.reformId())).body(started);
  }

  @GetMapping("/{id}")
  @PreAuthorize("@api.may(authentication, 'reforms.read')")
  @Operation(
      summary =
          "A reform: stage, bodies and their elections, decided dates, appeals, enforcement ban")
  ReformView reform(@PathVariable long id) {
    return reforms.find(id);
  }

  /** Starting a reform. */
  record StartReformRequest(
      @NotBlank @Size(max = 400) String name,
      @JsonAlias("effectiveDate") LocalDate proposedEffectiveDate,
      LocalDate interimTermEnds,
      @NotEmpty @Size(max = 50)
          List<@NotBlank @Size(max = 200) @Pattern(regexp = "[^,]+") String> committees,
      @Size(max = 50) List<@NotBlank @Size(max = 200) @Pattern(regexp = "[^,]+") String> divisions,
      @Min(1) @Max(60) Integer followUpMonths,
      @Size(max = 20) List<@Pattern(regexp = "[A-Z0-9][A-Z0-9-]{0,63}") String> measures,
      @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_.-]*") String businessKey) {}
}
