package fi.muutos.transfer;

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
      boolean newCompany,
      boolean staffMoving,
      boolean inHouse,
      LocalDate transferDate,
      String measures,
      LocalDate foundingSignedOn,
      LocalDate registrationDeadline,
      String businessId,
      LocalDate registeredOn,
      BigDecimal ownershipShare) {}

  long insert(
      String businessKey,
      ServiceKind kind,
      String recipient,
      boolean newCompany,
      boolean staffMoving,
      boolean inHouse,
      LocalDate transferDate,
      String measures) {
    return GeneratedIds.insert(
        jdbc.sql(
                """
            insert into mu_transfer (business_key, service_kind, recipient, new_company,
              staff_moving, in_house, transfer_date, measures)
            values (?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(
                businessKey,
                kind.name(),
                recipient,
                newCompany,
                staffMoving,
                inHouse,
                transferDate,
                measures));
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

  void ownershipShare(long id, BigDecimal share) {
    jdbc.sql("update mu_transfer set ownership_share = ? where id = ?").params(share, id).update();
  }

  private static final String SELECT =
      """
      select id, business_key, service_kind, recipient, new_company, staff_moving, in_house,
        transfer_date, measures, founding_signed_on, registration_deadline, business_id,
        registered_on, ownership_share
      from mu_transfer""";
}
