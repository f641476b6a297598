package fi.muutos.cases;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for MU_CASE and MU_CASE_STAGE, in the caller's (usually the engine's) transaction. */
@Repository
class CaseRepository {

  /** A case's stored columns, its stage as stored. */
  record CaseRow(
      String businessKey,
      String processKey,
      String name,
      String responsibleGroup,
      String stage,
      OffsetDateTime stageSince,
      String outcome,
      String processInstanceId,
      OffsetDateTime createdAt,
      String recordNumber) {}

  /** A stage log row, its stage as stored. */
  record StageRow(String stage, LocalDate legalDate, OffsetDateTime enteredAt, String activityId) {}

  private static final String SELECT =
      """
      select business_key, process_key, name, responsible_group, stage, stage_since, outcome,
        process_instance_id, created_at, record_number
      from mu_case""";

  private final JdbcClient jdbc;

  CaseRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<CaseRow> find(String businessKey) {
    return jdbc.sql(SELECT + " where business_key = ?")
        .param(businessKey)
        .query(CaseRow.class)
        .optional();
  }

  /**
   * Cases by any of: process, instance, a part of the name or the business key (case-insensitive);
   * newest first, at most {@code limit}.
   */
  List<CaseRow> search(String processKey, String processInstanceId, String text, int limit) {
    StringBuilder sql = new StringBuilder(SELECT).append(" where stage is not null");
    List<Object> params = new java.util.ArrayList<>();
    if (processKey != null) {
      sql.append(" and process_key = ?");
      params.add(processKey);
    }
    if (processInstanceId != null) {
      sql.append(" and process_instance_id = ?");
      params.add(processInstanceId);
    }
    if (text != null) {
      sql.append(" and (lower(name) like ? or lower(business_key) like ?)");
      String like =
          "%" + text.toLowerCase(java.util.Locale.ROOT).replace("%", "").replace("_", "") + "%";
      params.add(like);
      params.add(like);
    }
    params.add(limit);
    return jdbc.sql(sql.append(" order by created_at desc fetch first ? rows only").toString())
        .params(params)
        .query(CaseRow.class)
        .list();
  }

  List<CaseRow> list(String processKey, String stage) {
    return stage == null
        ? jdbc.sql(
                SELECT
                    + " where process_key = ? and stage is not null order by created_at, business_key")
            .param(processKey)
            .query(CaseRow.class)
            .list()
        : jdbc.sql(
                SELECT + " where process_key = ? and stage = ? order by created_at, business_key")
            .params(processKey, stage)
            .query(CaseRow.class)
            .list();
  }

  void recordNumber(String businessKey, String recordNumber) {
    jdbc.sql("update mu_case set record_number = ? where business_key = ?")
        .params(recordNumber, businessKey)
        .update();
  }

  /** Names a record of a matter without stages. */
  void describe(String businessKey, String processKey, String name, String group) {
    jdbc.sql(
            "update mu_case set name = ?, responsible_group = ? where business_key = ? and "
                + "process_key = ?")
        .params(name, group, businessKey, processKey)
        .update();
  }

  /** Fills in a claimed key's record; false when it was filled in already. */
  boolean fillIn(String businessKey, String name, String group, String stage, OffsetDateTime at) {
    return jdbc.sql(
                """
                update mu_case set name = ?, responsible_group = ?, stage = ?, stage_since = ?
                where business_key = ? and stage is null""")
            .params(name, group, stage, at, businessKey)
            .update()
        == 1;
  }

  /** A registered case of this process enters a stage; false when there is no such case. */
  boolean enter(
      String processKey,
      String businessKey,
      String stage,
      String outcome,
      LocalDate legalDate,
      OffsetDateTime at,
      String activityId) {
    int updated =
        jdbc.sql(
                """
                update mu_case set stage = ?, stage_since = ?, outcome = coalesce(?, outcome)
                where business_key = ? and process_key = ? and stage is not null""")
            .params(stage, at, outcome, businessKey, processKey)
            .update();
    if (updated == 0) {
      return false;
    }
    log(businessKey, stage, legalDate, at, activityId);
    return true;
  }

  void log(
      String businessKey, String stage, LocalDate legalDate, OffsetDateTime at, String activityId) {
    jdbc.sql(
            "insert into mu_case_stage (business_key, stage, legal_date, entered_at, activity_id) "
                + "values (?, ?, ?, ?, ?)")
        .params(businessKey, stage, legalDate, at, activityId)
        .update();
  }

  List<StageRow> stages(String businessKey) {
    return jdbc.sql(
            "select stage, legal_date, entered_at, activity_id from mu_case_stage "
                + "where business_key = ? order by id")
        .param(businessKey)
        .query(StageRow.class)
        .list();
  }

  /** The business keys of the cases with this record number (at most two: more is as many). */
  List<String> businessKeysByRecordNumber(String recordNumber) {
    return jdbc
        .sql("select business_key from mu_case where record_number = ?")
        .param(recordNumber)
        .query(String.class)
        .list()
        .stream()
        .limit(2)
        .toList();
  }

  /** The first legal date of each stage of each case of a process. */
  record FirstLegalDate(String businessKey, String stage, LocalDate legalDate) {}

  List<FirstLegalDate> firstLegalDates(String processKey) {
    return jdbc.sql(
            """
            select s.business_key, s.stage, min(s.legal_date) as legal_date
            from mu_case_stage s join mu_case c on c.business_key = s.business_key
            where c.process_key = ? and s.legal_date is not null
            group by s.business_key, s.stage""")
        .param(processKey)
        .query(FirstLegalDate.class)
        .list();
  }

  /** Dates the stage's latest entry, when it has no legal date yet; false when there is none. */
  boolean dateStage(String businessKey, String stage, LocalDate legalDate) {
    return jdbc.sql(
                "update mu_case_stage set legal_date = ? where id = (select max(id) from"
                    + " mu_case_stage where business_key = ? and stage = ?) and legal_date is null")
            .params(legalDate, businessKey, stage)
            .update()
        == 1;
  }

  void backdated(String businessKey, Backdating entry) {
    jdbc.sql(
            "insert into mu_case_backdating (business_key, variable, legal_date, reason, entered_on,"
                + " entered_by, activity_id) values (?, ?, ?, ?, ?, ?, ?)")
        .params(
            businessKey,
            entry.variable(),
            entry.legalDate(),
            entry.reason(),
            entry.enteredOn(),
            entry.enteredBy(),
            entry.activityId())
        .update();
  }

  List<Backdating> backdatings(String businessKey) {
    return jdbc.sql(
            "select variable, legal_date, reason, entered_on, entered_by, activity_id"
                + " from mu_case_backdating where business_key = ? order by id")
        .param(businessKey)
        .query(Backdating.class)
        .list();
  }

  /** Gives the stage's latest entry a corrected legal date; its date before, or empty. */
  java.util.Optional<LocalDate> redateStage(String businessKey, String stage, LocalDate legalDate) {
    java.util.Optional<LocalDate> before =
        jdbc.sql(
                "select legal_date from mu_case_stage where id = (select max(id) from mu_case_stage"
                    + " where business_key = ? and stage = ?)")
            .params(businessKey, stage)
            .query(LocalDate.class)
            .optional();
    jdbc.sql(
            "update mu_case_stage set legal_date = ? where id = (select max(id) from mu_case_stage"
                + " where business_key = ? and stage = ?)")
        .params(legalDate, businessKey, stage)
        .update();
    return before;
  }

  boolean hasStage(String businessKey, String stage) {
    return jdbc.sql("select count(*) from mu_case_stage where business_key = ? and stage = ?")
            .params(businessKey, stage)
            .query(Integer.class)
            .single()
        > 0;
  }

  void corrected(String businessKey, Correction entry) {
    jdbc.sql(
            "insert into mu_case_correction (business_key, stage, old_date, new_date, new_stage,"
                + " reason, corrected_at, corrected_by, activity_id) values (?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?)")
        .params(
            businessKey,
            entry.stage(),
            entry.oldDate(),
            entry.newDate(),
            entry.newStage(),
            entry.reason(),
            entry.correctedAt(),
            entry.correctedBy(),
            entry.activityId())
        .update();
  }

  List<Correction> corrections(String businessKey) {
    return jdbc.sql(
            "select stage, old_date, new_date, new_stage, reason, corrected_at, corrected_by,"
                + " activity_id from mu_case_correction where business_key = ? order by id")
        .param(businessKey)
        .query(Correction.class)
        .list();
  }
}
