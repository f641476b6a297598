package fi.muutos.transfer.web;

import fi.muutos.identity.SignedInUser;
import fi.muutos.strategy.StrategyService;
import fi.muutos.transfer.Arrangement;
import fi.muutos.transfer.ServiceKind;
import fi.muutos.transfer.ServiceTransferProcedure;
import fi.muutos.transfer.ServiceTransferProcedure.Started;
import fi.muutos.transfer.StartTransfer;
import fi.muutos.transfer.TransferView;
import fi.muutos.transfer.Transfers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Null;
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

/** Transfers of a service to a company. */
@RestController
@RequestMapping("/api/transfers")
@Tag(name = "Liikkeen luovutus", description = "Palvelun siirto yhtiölle")
class TransferController {

  private final ServiceTransferProcedure procedure;
  private final StrategyService strategy;
  private final Transfers transfers;

  TransferController(
      ServiceTransferProcedure procedure, Transfers transfers, StrategyService strategy) {
    this.strategy = strategy;
    this.procedure = procedure;
    this.transfers = transfers;
  }

  @PostMapping
  @PreAuthorize("@api.may(authentication, 'transfers.start')")
  @Operation(summary = "Start a transfer (201 with transfer id, business key, process instance)")
  ResponseEntity<Started> start(
      @Valid @RequestBody StartTransferRequest body, Authentication authentication) {
    strategy.checkStartedFor(body.measures(), SignedInUser.of(authentication).groups());
    Started started =
        procedure.start(
            new StartTransfer(
                body.serviceName(),
                body.serviceKind(),
                body.recipient(),
                body.arrangement() != null
                    ? body.arrangement()
                    : Boolean.TRUE.equals(body.newCompany())
                        ? Arrangement.NEW_COMPANY
                        : Arrangement.EXISTING_COMPANY,
                body.staffMoving(),
                body.transferDate(),
                body.measures(),
                body.businessKey()));
    return ResponseEntity.created(URI.create("/api/transfers/" + started.transferId()))
        .body(started);
  }

  @GetMapping("/{id}")
  @PreAuthorize("@api.may(authentication, 'transfers.read')")
  @Operation(summary = "A transfer: its data, stage and each branch (applies? done?)")
  TransferView transfer(@PathVariable long id) {
    return transfers.find(id);
  }

  /**
   * Starting a transfer. {@code arrangement} (default from {@code newCompany}: NEW_COMPANY, else
   * EXISTING_COMPANY); {@code inHouse} is refused: the status is assessed before the board's
   * proposal, not claimed at the start.
   */
  record StartTransferRequest(
      @NotBlank @Size(max = 400) String serviceName,
      @NotNull ServiceKind serviceKind,
      @NotBlank @Size(max = 400) String recipient,
      Arrangement arrangement,
      Boolean newCompany,
      boolean staffMoving,
      @Null(
              message =
                  "is not given at the start: the in-house status is assessed before the board's"
                      + " proposal (hankintalaki 15 §)")
          Boolean inHouse,
      @NotNull LocalDate transferDate,
      @Size(max = 20) List<@Pattern(regexp = "[A-Z0-9][A-Z0-9-]{0,63}") String> measures,
      @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_.-]*") String businessKey) {}
}
