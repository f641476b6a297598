package fi.muutos.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * V10 moves the features' case columns and stage logs into the case record. A city that upgrades
 * has plans, reforms, transfers and evaluations in the old shape: after the migration each is a
 * case with its name, group, stage, outcome and its whole stage log, and the copies are gone. On
 * both databases Muutos runs on (H2 file, the embedded default; PostgreSQL).
 */
class CaseRecordMigrationTest {

  @Test
  void casesInTheOldShapeMoveIntoTheCaseRecordOnH2() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:migration" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    h2.setUser("sa");
    migrateAndCheck(h2);
  }

  @Test
  void casesInTheOldShapeMoveIntoTheCaseRecordOnPostgres() throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      migrateAndCheck(postgres.getPostgresDatabase());
    }
  }

  private static void migrateAndCheck(DataSource dataSource) {
    Flyway.configure().dataSource(dataSource).target("9").load().migrate();
    JdbcTemplate db = new JdbcTemplate(dataSource);
    oldShape(db);

    Flyway.configure().dataSource(dataSource).load().migrate();

    assertThat(
            db.query(
                "select business_key, process_key, name, responsible_group, stage, outcome "
                    + "from mu_case order by business_key",
                (rs, n) ->
                    java.util.Arrays.asList(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6))))
        .containsExactly(
            row("ARVIOINTI-2026-001", "strategyEvaluation", "Arvio", "hallinto", "SYNTHESIS", null),
            row("KAAVA-2026-001", "zoningPlan", "Tori", "kaavoitus", "IN_FORCE", "IN_FORCE"),
            row("KAAVA-2026-002", "zoningPlan", "Hylätty", "kaavoitus", "REJECTED", "REJECTED"),
            row("SIIRTO-2026-001", "serviceTransfer", "Vesihuolto", "hallinto", "OPTIONS", null),
            row("UUDISTUS-2026-001", "organisationReform", "Uusi", "hallinto", "COUNCIL", null));
    assertThat(
            db.queryForList(
                "select stage from mu_case_stage where business_key = 'KAAVA-2026-001' order by id",
                String.class))
        .containsExactly("INITIATED", "PROPOSAL", "IN_FORCE");
    assertThat(
            db.queryForList(
                "select stage from mu_case_stage where business_key = 'KAAVA-2026-002' order by id",
                String.class))
        .as("V12: a rejected plan is Ryhti 16, not 15")
        .containsExactly("INITIATED", "REJECTED");
    assertThat(
            db.queryForList(
                "select stage from mu_case_stage where business_key = 'UUDISTUS-2026-001' "
                    + "order by id",
                String.class))
        .containsExactly("DRAFTING", "COUNCIL");
    assertThat(
            db.queryForList(
                "select stage from mu_case_stage where business_key in "
                    + "('SIIRTO-2026-001', 'ARVIOINTI-2026-001') order by business_key",
                String.class))
        .containsExactly("SYNTHESIS", "OPTIONS");
    assertThat(
            db.queryForObject(
                "select count(*) from mu_case where stage_since is null or name is null",
                Integer.class))
        .isZero();
    // V16: a committee elected before keeps its election, as term 1; the undecided reform's date
    // is only proposed
    assertThat(
            db.queryForList(
                "select members from mu_reform_election where reform_id = 1 and term = 1",
                String.class))
        .containsExactly("Jäsen 1\nJäsen 2");
    assertThat(
            db.queryForObject(
                "select proposed_effective_date from mu_reform where id = 1", String.class))
        .isEqualTo("2027-01-01");
    // V18: the old start's in-house claim is no assessment; the arrangement comes from new_company
    assertThat(
            db.queryForObject(
                "select arrangement from mu_transfer where id = 1 and in_house is null",
                String.class))
        .isEqualTo("EXISTING_COMPANY");
    // the features keep what is theirs
    assertThat(
            db.queryForObject(
                "select approving_body from mu_zoning_plan where business_key = 'KAAVA-2026-001'",
                String.class))
        .isEqualTo("Kaupunginvaltuusto");
    // the copies are gone
    for (String gone :
        List.of(
            "select count(*) from mu_zoning_stage",
            "select count(*) from mu_reform_stage",
            "select count(*) from mu_transfer_stage",
            "select stage from mu_zoning_plan",
            "select name from mu_reform",
            "select service_name from mu_transfer",
            "select process_instance_id from mu_eval")) {
      assertThatThrownBy(() -> db.queryForList(gone)).as(gone).isNotNull();
    }
  }

  private static List<String> row(
      String key, String process, String name, String group, String stage, String outcome) {
    return java.util.Arrays.asList(key, process, name, group, stage, outcome);
  }

  /** One case of each process as V9 left them (the key ledger written as the start did). */
  private static void oldShape(JdbcTemplate db) {
    String now = "timestamp '2026-03-02 10:00:00'";
    db.update(
        "insert into mu_case_key (business_key, process_key, process_instance_id, created_at) "
            + "values ('KAAVA-2026-001', 'zoningPlan', 'p1', "
            + now
            + "), ('KAAVA-2026-002', 'zoningPlan', 'p5', "
            + now
            + "), ('UUDISTUS-2026-001', 'organisationReform', 'p2', "
            + now
            + "), ('SIIRTO-2026-001', 'serviceTransfer', 'p3', "
            + now
            + "), ('ARVIOINTI-2026-001', 'strategyEvaluation', 'p4', "
            + now
            + ")");
    db.update(
        "insert into mu_zoning_plan (id, business_key, name, plan_type, significant, "
            + "responsible_group, stage, ryhti_code, outcome, process_instance_id, approving_body, "
            + "display_round, reminders, created_at) values (1, 'KAAVA-2026-001', 'Tori', "
            + "'DETAILED_PLAN', true, 'kaavoitus', 'IN_FORCE', '13', 'IN_FORCE', 'p1', "
            + "'Kaupunginvaltuusto', 1, 0, "
            + now
            + ")");
    for (String stage : List.of("INITIATED", "PROPOSAL", "IN_FORCE")) {
      db.update(
          "insert into mu_zoning_stage (plan_id, stage, ryhti_code, entered_at, activity_id) "
              + "values (1, ?, '01', "
              + now
              + ", 'a')",
          stage);
    }
    db.update(
        "insert into mu_zoning_plan (id, business_key, name, plan_type, significant, "
            + "responsible_group, stage, ryhti_code, outcome, process_instance_id, "
            + "display_round, reminders, created_at) values (2, 'KAAVA-2026-002', 'Hylätty', "
            + "'DETAILED_PLAN', false, 'kaavoitus', 'LAPSED', '15', 'REJECTED', 'p5', 1, 0, "
            + now
            + ")");
    for (String stage : List.of("INITIATED", "LAPSED")) {
      db.update(
          "insert into mu_zoning_stage (plan_id, stage, ryhti_code, entered_at, activity_id) "
              + "values (2, ?, '01', "
              + now
              + ", 'a')",
          stage);
    }
    db.update(
        "insert into mu_reform (id, business_key, name, effective_date, follow_up_months, "
            + "responsible_group, stage, process_instance_id, created_at) values (1, "
            + "'UUDISTUS-2026-001', 'Uusi', date '2027-01-01', 12, 'hallinto', 'COUNCIL', 'p2', "
            + now
            + ")");
    for (String stage : List.of("DRAFTING", "COUNCIL")) {
      db.update(
          "insert into mu_reform_stage (reform_id, stage, entered_at) values (1, ?, " + now + ")",
          stage);
    }
    db.update(
        "insert into mu_reform_committee (reform_id, position, name, members, women, men, "
            + "elected_at) values (1, 0, 'Elinvoimalautakunta', 'Jäsen 1\nJäsen 2', 1, 1, "
            + now
            + ")");
    db.update(
        "insert into mu_reform_committee (reform_id, position, name) values (1, 1, "
            + "'Sivistyslautakunta')");
    db.update(
        "insert into mu_transfer (id, business_key, service_name, service_kind, recipient, "
            + "new_company, staff_moving, in_house, transfer_date, stage, process_instance_id, "
            + "created_at) values (1, 'SIIRTO-2026-001', 'Vesihuolto', 'WATER_SERVICES', "
            + "'Lahti Aqua Oy', false, true, true, date '2027-01-01', 'OPTIONS', 'p3', "
            + now
            + ")");
    db.update(
        "insert into mu_transfer_stage (transfer_id, stage, entered_at) values (1, 'OPTIONS', "
            + now
            + ")");
    db.update(
        "insert into mu_eval (id, business_key, name, started_on, survey_closes_on, stage, "
            + "process_instance_id, created_at) values (1, 'ARVIOINTI-2026-001', 'Arvio', "
            + "date '2026-03-02', date '2026-03-20', 'SYNTHESIS', 'p4', "
            + now
            + ")");
  }
}
