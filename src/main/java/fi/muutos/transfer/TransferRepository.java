package fi.muutos.transfer;

import fi.muutos.transfer.TransferView.StageEntry;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for MU_TRANSFER and its stages. */
@Repository
class TransferRepository {

  private final JdbcClient jdbc;

  TransferRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record TransferRow(
      long id,
      String businessKey,
      String serviceName,
      ServiceKind serviceKind,
      String recipient,
      boolean newCompany,
      boolean staffMoving,
      boolean inHouse,
      LocalDate transferDate,
      String measures,
      TransferStage stage,
      String outcome,
      String processInstanceId,
      LocalDate foundingSignedOn,
      LocalDate registrationDeadline,
      String businessId,
      LocalDate registeredOn,
      BigDecimal ownershipShare,
      OffsetDateTime createdAt) {}

  long insert(
      String businessKey,
      String serviceName,
      ServiceKind kind,
      String recipient,
      boolean newCompany,
      boolean staffMoving,
      boolean inHouse,
      LocalDate transferDate,
      String measures,
      String processInstanceId,
      OffsetDateTime now) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            """
            insert into mu_transfer (business_key, service_name, service_kind, recipient,
              new_company, staff_moving, in_house, transfer_date, measures, stage,
              process_instance_id, created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(
            businessKey,
            serviceName,
            kind.name(),
            recipient,
            newCompany,
            staffMoving,
            inHouse,
            transferDate,
            measures,
            TransferStage.OPTIONS.name(),
            processInstanceId,
            now)
        .update(keys, "id");
    return keys.getKeyAs(Number.class).longValue();
  }

  Optional<TransferRow> find(long id) {
    return jdbc.sql(SELECT + " where id = ?").param(id).query(TransferRepository::row).optional();
  }

  Optional<TransferRow> findByBusinessKey(String businessKey) {
    return jdbc.sql(SELECT + " where business_key = ?")
        .param(businessKey)
        .query(TransferRepository::row)
        .optional();
  }

  void stage(long id, TransferStage stage, String outcome, OffsetDateTime at, String activityId) {
    jdbc.sql("update mu_transfer set stage = ?, outcome = coalesce(?, outcome) where id = ?")
        .params(stage.name(), outcome, id)
        .update();
    jdbc.sql(
            "insert into mu_transfer_stage (transfer_id, stage, entered_at, activity_id) "
                + "values (?, ?, ?, ?)")
        .params(id, stage.name(), at, activityId)
        .update();
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

  List<StageEntry> stages(long id) {
    return jdbc.sql(
            "select stage, entered_at, activity_id from mu_transfer_stage "
                + "where transfer_id = ? order by id")
        .param(id)
        .query(
            (rs, n) ->
                new StageEntry(
                    TransferStage.valueOf(rs.getString("stage")),
                    rs.getObject("entered_at", OffsetDateTime.class),
                    rs.getString("activity_id")))
        .list();
  }

  private static final String SELECT =
      """
      select id, business_key, service_name, service_kind, recipient, new_company, staff_moving,
        in_house, transfer_date, measures, stage, outcome, process_instance_id, founding_signed_on,
        registration_deadline, business_id, registered_on, ownership_share, created_at
      from mu_transfer""";

  private static TransferRow row(ResultSet rs, int n) throws SQLException {
    return new TransferRow(
        rs.getLong("id"),
        rs.getString("business_key"),
        rs.getString("service_name"),
        ServiceKind.valueOf(rs.getString("service_kind")),
        rs.getString("recipient"),
        rs.getBoolean("new_company"),
        rs.getBoolean("staff_moving"),
        rs.getBoolean("in_house"),
        rs.getObject("transfer_date", LocalDate.class),
        rs.getString("measures"),
        TransferStage.valueOf(rs.getString("stage")),
        rs.getString("outcome"),
        rs.getString("process_instance_id"),
        rs.getObject("founding_signed_on", LocalDate.class),
        rs.getObject("registration_deadline", LocalDate.class),
        rs.getString("business_id"),
        rs.getObject("registered_on", LocalDate.class),
        rs.getBigDecimal("ownership_share"),
        rs.getObject("created_at", OffsetDateTime.class));
  }
}
