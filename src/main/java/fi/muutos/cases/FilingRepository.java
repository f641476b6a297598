package fi.muutos.cases;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code mu_case_filing}: the legal filings on cases. */
@Repository
class FilingRepository {

  private static final String SELECT =
      """
      select id, event_id, business_key, event_type, label, filed_on, reference, source, sender,
        received_at, status, process_instance_id, judgement, handled_by, handled_at, handling_note
      from mu_case_filing""";

  private final JdbcClient jdbc;

  FilingRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Filing.Received filing) {
    jdbc.sql(
            """
            insert into mu_case_filing (event_id, business_key, event_type, label, filed_on,
              reference, source, sender, received_at, status)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'RECEIVED')""")
        .params(
            filing.eventId(),
            filing.businessKey(),
            filing.eventType(),
            filing.label(),
            filing.filedOn(),
            truncate(filing.reference(), 500),
            filing.source(),
            filing.sender(),
            filing.receivedAt())
        .update();
  }

  Optional<Filing> byEvent(String eventId) {
    return jdbc.sql(SELECT + " where event_id = ?").param(eventId).query(this::row).optional();
  }

  Optional<Filing> byId(long id) {
    return jdbc.sql(SELECT + " where id = ?").param(id).query(this::row).optional();
  }

  /** RECEIVED → TAKEN; false when the filing is not waiting for its step (any more). */
  boolean taken(String eventId, String processInstanceId, OffsetDateTime at) {
    return jdbc.sql(
                """
                update mu_case_filing set status = 'TAKEN', taken_at = ?, process_instance_id = ?
                where event_id = ? and status = 'RECEIVED'""")
            .params(at, processInstanceId, eventId)
            .update()
        == 1;
  }

  /** RECEIVED → OUTSIDE_STEP; false when a step took it meanwhile (or it was moved already). */
  boolean outsideStep(String eventId) {
    return jdbc.sql(
                """
                update mu_case_filing set status = 'OUTSIDE_STEP'
                where event_id = ? and status = 'RECEIVED'""")
            .param(eventId)
            .update()
        == 1;
  }

  void judged(long id, String judgement, String processInstanceId) {
    jdbc.sql("update mu_case_filing set judgement = ?, process_instance_id = ? where id = ?")
        .params(truncate(judgement, 1000), processInstanceId, id)
        .update();
  }

  boolean handled(long id, String user, String note, OffsetDateTime at) {
    return jdbc.sql(
                """
                update mu_case_filing set status = 'HANDLED', handled_by = ?, handled_at = ?,
                  handling_note = ?
                where id = ? and status = 'OUTSIDE_STEP'""")
            .params(user, at, truncate(note, 4000), id)
            .update()
        == 1;
  }

  List<Filing> ofCase(String businessKey) {
    return jdbc.sql(SELECT + " where business_key = ? order by filed_on, id")
        .param(businessKey)
        .query(this::row)
        .list();
  }

  /** Per case: how many filings wait for their step, and how many wait for a person. */
  Map<String, int[]> open(Collection<String> businessKeys) {
    Map<String, int[]> counts = new HashMap<>();
    if (businessKeys.isEmpty()) {
      return counts;
    }
    jdbc.sql(
            "select business_key, status, count(*) from mu_case_filing where business_key in (:keys)"
                + " and status in ('RECEIVED', 'OUTSIDE_STEP') group by business_key, status")
        .param("keys", businessKeys)
        .query(
            (rs, n) -> {
              int[] c = counts.computeIfAbsent(rs.getString(1), k -> new int[2]);
              c["RECEIVED".equals(rs.getString(2)) ? 0 : 1] = rs.getInt(3);
              return null;
            })
        .list();
    return counts;
  }

  private Filing row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    Filing.Status status = Filing.Status.valueOf(rs.getString("status"));
    return new Filing(
        rs.getLong("id"),
        rs.getString("event_id"),
        rs.getString("business_key"),
        rs.getString("event_type"),
        rs.getString("label"),
        rs.getObject("filed_on", java.time.LocalDate.class),
        rs.getString("reference"),
        rs.getString("source"),
        rs.getString("sender"),
        rs.getObject("received_at", OffsetDateTime.class),
        status.name(),
        status.label(),
        rs.getString("process_instance_id"),
        rs.getString("judgement"),
        rs.getString("handled_by"),
        rs.getObject("handled_at", OffsetDateTime.class),
        rs.getString("handling_note"));
  }

  private static String truncate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
