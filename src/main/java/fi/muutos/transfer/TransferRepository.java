package fi.muutos.transfer;

import fi.muutos.platform.DomainException;
import fi.muutos.platform.DomainException.Kind;
import fi.muutos.platform.GeneratedIds;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for MU_TRANSFER: what only a transfer has. */
@Repository
class TransferRepository {

  private final JdbcClient jdbc;

  TransferRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** What only a transfer has; the case record has the rest. */
  record TransferRow(
      long id,
      String businessKey,
      ServiceKind serviceKind,
      String recipient,
      Arrangement arrangement,
      boolean staffMoving,
      Boolean inHouse,
      LocalDate transferDate,
      String measures,
      LocalDate foundingSignedOn,
      LocalDate registrationDeadline,
      LocalDate registrationFiledOn,
      String businessId,
      LocalDate registeredOn,
      BigDecimal ownershipShare,
      BigDecimal businessWithOwners,
      BigDecimal outsideTurnover,
      Boolean privateCapital,
      String inHouseReasons,
      LocalDate councilDecisionOn,
      LocalDate legalityCheckedOn,
      LocalDate appealEndsOn) {}

  long insert(
      String businessKey,
      ServiceKind kind,
      String recipient,
      Arrangement arrangement,
      boolean staffMoving,
      LocalDate transferDate,
      String measures) {
    return GeneratedIds.insert(
        jdbc.sql(
                """
            insert into mu_transfer (business_key, service_kind, recipient, arrangement,
              staff_moving, transfer_date, measures)
            values (?, ?, ?, ?, ?, ?, ?)""")
            .params(
                businessKey,
                kind.name(),
                recipient,
                arrangement.name(),
                staffMoving,
                transferDate,
                measures));
  }

  /** The transfer's stored row; a 404 when there is none. */
  TransferRow require(long id) {
    return find(id).orElseThrow(() -> notFound(String.valueOf(id)));
  }

  /** The transfer with this business key; a 404 when there is none. */
  TransferRow require(String businessKey) {
    return findByBusinessKey(businessKey).orElseThrow(() -> notFound(businessKey));
  }

  private static DomainException notFound(String id) {
    return new DomainException(
        Kind.NOT_FOUND,
        "transfer-not-found",
        "Siirtoa " + id + " ei ole (there is no transfer " + id + ").");
  }

  Optional<TransferRow> find(long id) {
    return jdbc.sql(SELECT + " where id = ?").param(id).query(TransferRow.class).optional();
  }

  Optional<TransferRow> findByBusinessKey(String businessKey) {
    return jdbc.sql(SELECT + " where business_key = ?")
        .param(businessKey)
        .query(TransferRow.class)
        .optional();
  }

  void founded(long id, LocalDate signedOn, LocalDate deadline) {
    jdbc.sql(
            "update mu_transfer set founding_signed_on = ?, registration_deadline = ? "
                + "where id = ?")
        .params(signedOn, deadline, id)
        .update();
  }

  void registered(long id, String businessId, LocalDate registeredOn) {
    jdbc.sql("update mu_transfer set business_id = ?, registered_on = ? where id = ?")
        .params(businessId, registeredOn, id)
        .update();
  }

  void inHouseAssessed(
      long id,
      BigDecimal share,
      BigDecimal businessWithOwners,
      BigDecimal outsideTurnover,
      boolean privateCapital,
      boolean inHouse,
      String reasons) {
    jdbc.sql(
            "update mu_transfer set ownership_share = ?, business_with_owners = ?, "
                + "outside_turnover = ?, private_capital = ?, in_house = ?, in_house_reasons = ? "
                + "where id = ?")
        .params(share, businessWithOwners, outsideTurnover, privateCapital, inHouse, reasons, id)
        .update();
  }

  /** The council decided the day the transfer takes place (review T3). */
  void transferDate(long id, LocalDate on) {
    jdbc.sql("update mu_transfer set transfer_date = ? where id = ?").params(on, id).update();
  }

  void councilDecision(long id, LocalDate on) {
    jdbc.sql("update mu_transfer set council_decision_on = ? where id = ?").params(on, id).update();
  }

  void legalityChecked(long id, LocalDate on) {
    jdbc.sql("update mu_transfer set legality_checked_on = ? where id = ?").params(on, id).update();
  }

  void appealEndsOn(long id, LocalDate on) {
    jdbc.sql("update mu_transfer set appeal_ends_on = ? where id = ?").params(on, id).update();
  }

  void registrationFiled(long id, LocalDate on) {
    jdbc.sql("update mu_transfer set registration_filed_on = ? where id = ?")
        .params(on, id)
        .update();
  }

  private static final String SELECT =
      """
      select id, business_key, service_kind, recipient, arrangement, staff_moving, in_house,
        transfer_date, measures, founding_signed_on, registration_deadline, registration_filed_on,
        business_id, registered_on, ownership_share, business_with_owners, outside_turnover,
        private_capital,
        in_house_reasons, council_decision_on, legality_checked_on, appeal_ends_on
      from mu_transfer""";
}
