package fi.muutos.transfer;

import static fi.muutos.transfer.TransferProcess.Elements.AGREEMENTS;
import static fi.muutos.transfer.TransferProcess.Elements.BOARD_PROPOSAL;
import static fi.muutos.transfer.TransferProcess.Elements.COMPANY_REGISTERED;
import static fi.muutos.transfer.TransferProcess.Elements.COOPERATION;
import static fi.muutos.transfer.TransferProcess.Elements.DATA_HANDOVER;
import static fi.muutos.transfer.TransferProcess.Elements.FOUND_COMPANY;
import static fi.muutos.transfer.TransferProcess.Elements.INFORM_REPRESENTATIVES;
import static fi.muutos.transfer.TransferProcess.Elements.IN_HOUSE_CHECK;
import static fi.muutos.transfer.TransferProcess.Elements.OPTIONS;
import static fi.muutos.transfer.TransferProcess.Elements.OWNERSHIP_STEERING;
import static fi.muutos.transfer.TransferProcess.Elements.PENSION;
import static fi.muutos.transfer.TransferProcess.Elements.RECORD_DECISION;
import static fi.muutos.transfer.TransferProcess.Elements.REGISTRATION_WARNING;
import static fi.muutos.transfer.TransferProcess.Elements.STAFF_TRANSFER;
import static fi.muutos.transfer.TransferProcess.Elements.WATER_DUTIES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.muutos.events.EventInbox;
import fi.muutos.strategy.MeasureStatus;
import fi.muutos.strategy.StrategyService;
import fi.muutos.testing.IntegrationTest;
import fi.muutos.testing.MutableClock;
import fi.muutos.testing.ProcessDriver;
import fi.muutos.testing.StrategyFixtures;
import fi.muutos.transfer.ServiceTransferProcedure.StartTransfer;
import fi.muutos.transfer.ServiceTransferProcedure.Started;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The service transfer on the real engine and PostgreSQL: the three Heinola cases and more. */
@IntegrationTest
class ServiceTransferProcessTest {
  @Autowired ServiceTransferProcedure procedure;
  @Autowired Transfers transfers;
  @Autowired StrategyService strategy;
  @Autowired EventInbox inbox;
  @Autowired MutableClock clock;
  @Autowired ProcessDriver driver;

  @Test
  void waterServicesToAnExistingCompanyWithStaff() {
    Transfer t = start(ServiceKind.WATER_SERVICES, "Lahti Aqua Oy", false, true);
    t.throughCouncil("APPROVED", true);
    t.assertWaitingAt(AGREEMENTS, DATA_HANDOVER, IN_HOUSE_CHECK, PENSION, WATER_DUTIES);
    t.common();
    t.inHouse(51.5);
    t.staff();
    t.complete(WATER_DUTIES, Map.of("waterDuties", "Toiminta-alue ja taksat kaupungilla"));
    t.transferDate();
    Task inform = t.task(INFORM_REPRESENTATIVES);
    // transfer 1.1.2025 + 7 days = Wed 8.1.2025, over at midnight after it
    assertThat(inform.getDueDate().toInstant())
        .isEqualTo(LocalDate.parse("2025-01-09").atStartOfDay(clock.getZone()).toInstant());
    t.complete(INFORM_REPRESENTATIVES, Map.of("informedOn", "2025-01-07"));
    t.complete(OWNERSHIP_STEERING, Map.of());

    TransferView view = t.view();
    assertThat(view.stage()).isEqualTo(TransferStage.STEERING);
    assertThat(view.outcome()).isEqualTo("TRANSFERRED");
    assertThat(view.ownershipShare()).isEqualByComparingTo(new BigDecimal("51.5"));
    assertThat(view.branches())
        .filteredOn(TransferView.Branch::applies)
        .extracting(TransferView.Branch::activityId)
        .containsExactlyInAnyOrder(
            IN_HOUSE_CHECK, PENSION, STAFF_TRANSFER, AGREEMENTS, DATA_HANDOVER, WATER_DUTIES);
    assertThat(view.branches())
        .filteredOn(TransferView.Branch::applies)
        .allSatisfy(b -> assertThat(b.done()).isTrue());
    assertThat(strategy.measure(t.measure).status()).isEqualTo(MeasureStatus.DONE);
    assertThat(t.ended(TransferProcess.Elements.END_DONE)).isTrue();
  }

  @Test
  void propertyManagementToANewCompanyThatIsRegistered() {
    Transfer t = start(ServiceKind.PROPERTY_MANAGEMENT, "Tilapalvelut Oy", true, true);
    t.throughCouncil("APPROVED", true);
    t.complete(FOUND_COMPANY, Map.of("foundingSignedOn", "2024-09-02"));
    assertThat(t.view().registrationDeadline()).isEqualTo(LocalDate.parse("2024-12-02"));
    t.assertWaitingAt(COMPANY_REGISTERED);
    t.registered();
    t.common();
    t.inHouse(100);
    t.staff();
    t.transferDate();
    assertThat(t.view().businessId()).isEqualTo("3456789-1");
    assertThat(t.view().registeredOn()).isEqualTo(LocalDate.parse("2024-10-15"));
    t.assertWaitingAt(INFORM_REPRESENTATIVES);
  }

  @Test
  void joiningBusinessServicesWithoutStaffSkipsTheStaffSteps() {
    Transfer t =
        start(ServiceKind.BUSINESS_SERVICES, "Lahden Seudun Kehitys Oy Ladec", false, false);
    t.throughCouncil("APPROVED", false);
    t.assertWaitingAt(AGREEMENTS, DATA_HANDOVER, IN_HOUSE_CHECK);
    t.common();
    t.inHouse(6.2);
    t.transferDate();
    t.assertWaitingAt(OWNERSHIP_STEERING);
    assertThat(t.visited())
        .doesNotContain(
            COOPERATION,
            PENSION,
            STAFF_TRANSFER,
            FOUND_COMPANY,
            WATER_DUTIES,
            INFORM_REPRESENTATIVES);
  }

  @Test
  void aRegistrationEventThatArrivesEarlyIsTakenWhenTheProcessWaits() throws Exception {
    Transfer t = start(ServiceKind.PROPERTY_MANAGEMENT, "Tilapalvelut Oy", true, false);
    t.throughCouncil("APPROVED", false);
    String eventId =
        t.send(
            "fi.muutos.company.registered",
            "{\"businessId\":\"3456789-1\",\"date\":\"2024-10-15\"}");
    assertThat(inbox.find(eventId).status()).isEqualTo("PENDING");

    t.complete(FOUND_COMPANY, Map.of("foundingSignedOn", "2024-09-02"));
    clock.advance(Duration.ofMinutes(1));
    inbox.retryDue();

    assertThat(inbox.find(eventId).status())
        .as(inbox.find(eventId).reason())
        .isEqualTo("CORRELATED");
    assertThat(t.view().businessId()).isEqualTo("3456789-1");
  }

  @Test
  void theRegistrationDeadlineWarnsBeforeItPasses() {
    Transfer t = start(ServiceKind.PROPERTY_MANAGEMENT, "Tilapalvelut Oy", true, false);
    t.throughCouncil("APPROVED", false);
    t.complete(FOUND_COMPANY, Map.of("foundingSignedOn", "2024-09-02"));

    t.job(TransferProcess.Elements.REGISTRATION_DEADLINE_NEAR);

    Task warning = t.task(REGISTRATION_WARNING);
    assertThat(warning.getDueDate().toInstant().atZone(clock.getZone()).toLocalDate())
        .isEqualTo(LocalDate.parse("2024-12-02"));
    t.assertWaitingAt(COMPANY_REGISTERED); // the warning does not stop the wait
    t.registered();
    assertThat(t.view().businessId()).isNotNull();
  }

  @Test
  void aRejectedTransferEnds() {
    Transfer t = start(ServiceKind.WATER_SERVICES, "Lahti Aqua Oy", false, true);
    t.throughCouncil("REJECTED", true);
    assertThat(t.ended(TransferProcess.Elements.END_REJECTED)).isTrue();
    assertThat(t.view().stage()).isEqualTo(TransferStage.REJECTED);
  }

  @Test
  void coOperationShorterThanFourteenDaysIsRefused() {
    Transfer t = start(ServiceKind.WATER_SERVICES, "Lahti Aqua Oy", false, true);
    t.complete(OPTIONS, Map.of("optionsSummary", "Operointi Lahti Aqualle"));
    assertThatThrownBy(
            () ->
                t.complete(
                    COOPERATION,
                    Map.of(
                        "cooperationStart",
                        "2024-03-01",
                        "cooperationEnd",
                        "2024-03-10",
                        "cooperationMinutes",
                        "YT 1/2024")))
        .hasMessageContaining("cooperationEnd")
        .hasMessageContaining("14");
  }

  // --- driving a transfer ---------------------------------------------------------------------

  private Transfer start(
      ServiceKind kind, String recipient, boolean newCompany, boolean staffMoving) {
    String measure = StrategyFixtures.newMeasure(strategy, "hallinto", "IN_PROGRESS");
    Started started =
        procedure.start(
            new StartTransfer(
                "Palvelu " + UUID.randomUUID(),
                kind,
                recipient,
                newCompany,
                staffMoving,
                true,
                LocalDate.parse("2025-01-01"),
                List.of(measure),
                null));
    Transfer t = new Transfer(started, measure);
    t.job(TransferProcess.Elements.MEASURES_IN_PROGRESS);
    return t;
  }

  private final class Transfer {
    final long id;
    final String businessKey;
    final String instanceId;
    final String measure;

    Transfer(Started started, String measure) {
      this.id = started.transferId();
      this.businessKey = started.businessKey();
      this.instanceId = started.processInstanceId();
      this.measure = measure;
    }

    TransferView view() {
      return transfers.find(id);
    }

    void throughCouncil(String outcome, boolean staffMoving) {
      complete(OPTIONS, Map.of("optionsSummary", "Suositus: siirto"));
      if (staffMoving) {
        complete(
            COOPERATION,
            Map.of(
                "cooperationStart",
                "2024-03-01",
                "cooperationEnd",
                "2024-03-20",
                "cooperationMinutes",
                "YT 1/2024"));
      }
      complete(BOARD_PROPOSAL, Map.of("boardDate", "2024-05-20"));
      complete(
          RECORD_DECISION,
          Map.of(
              "decisionBody",
              "Kaupunginvaltuusto",
              "decisionDate",
              "2024-06-10",
              "decisionOutcome",
              outcome));
    }

    void common() {
      complete(AGREEMENTS, Map.of());
      complete(DATA_HANDOVER, Map.of());
    }

    void inHouse(double share) {
      complete(
          IN_HOUSE_CHECK, Map.of("ownershipShare", share, "controlBasis", "Omistus ja hallitus"));
    }

    void staff() {
      complete(PENSION, Map.of("pensionScheme", "KEVA"));
      complete(STAFF_TRANSFER, Map.of("staffCount", 12, "collectiveAgreement", "AVAINTA"));
    }

    void registered() {
      try {
        String id =
            send(
                "fi.muutos.company.registered",
                "{\"businessId\":\"3456789-1\",\"date\":\"2024-10-15\"}");
        assertThat(inbox.find(id).status()).isEqualTo("CORRELATED");
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }

    void transferDate() {
      job(TransferProcess.Elements.TRANSFER_DATE);
      job(TransferProcess.Elements.MEASURES_DONE);
    }

    Task task(String key) {
      return driver.task(instanceId, key);
    }

    void complete(String key, Map<String, Object> variables) {
      driver.complete(instanceId, key, variables);
    }

    void job(String activityId) {
      driver.jobs(instanceId, activityId);
    }

    String send(String type, String data) {
      return driver.send(type, businessKey, data);
    }

    void assertWaitingAt(String... activityIds) {
      assertThat(driver.active(instanceId)).contains(activityIds);
    }

    List<String> visited() {
      return driver.visited(instanceId);
    }

    boolean ended(String endEvent) {
      return driver.ended(instanceId, endEvent);
    }
  }
}
