package fi.muutos.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Loads data at scale straight into the database, in a few set-based statements instead of a
 * million HTTP calls: each generated row is a copy of a real row the application wrote (a waiting
 * task, a finished instance, a measure and its log), with new ids. Copying real rows keeps every
 * column the engine expects, whatever its version adds.
 */
final class ScaleData {

  static final String[] TASK_GROUPS = {"kaavoitus", "kirjaamo", "hallinto", "henkilosto", "talous"};

  private final String url;

  ScaleData(String url) {
    this.url = url;
  }

  /**
   * {@code count} open tasks, each in its own process instance like {@code templateInstance} (which
   * waits at one user task), their candidate groups spread over {@link #TASK_GROUPS}, each with the
   * task authorization the engine gives its candidate group.
   */
  void openTasks(String templateInstance, int count) throws SQLException {
    try (Connection c = connect()) {
      String n = "g.n";
      String instance = "'bench-pi-' || " + n;
      exec(
          c,
          copy(
              c,
              "act_ru_execution",
              "id_ = '" + templateInstance + "'",
              Map.of(
                  "id_",
                  instance,
                  "proc_inst_id_",
                  instance,
                  "root_proc_inst_id_",
                  instance,
                  "business_key_",
                  "'BENCH-' || " + n),
              count));
      exec(
          c,
          copy(
              c,
              "act_ru_task",
              "proc_inst_id_ = '" + templateInstance + "'",
              Map.of(
                  "id_",
                  "'bench-task-' || " + n,
                  "execution_id_",
                  instance,
                  "proc_inst_id_",
                  instance,
                  "create_time_",
                  "create_time_ - " + n + " * interval '1 minute'",
                  "due_date_",
                  "date_trunc('day', now()) + (" + n + " % 90) * interval '1 day'"),
              count));
      StringBuilder group = new StringBuilder("(array[");
      for (int i = 0; i < TASK_GROUPS.length; i++) {
        group.append(i == 0 ? "" : ", ").append('\'').append(TASK_GROUPS[i]).append('\'');
      }
      group.append("])[1 + ").append(n).append(" % ").append(TASK_GROUPS.length).append(']');
      exec(
          c,
          copy(
              c,
              "act_ru_identitylink",
              "task_id_ in (select id_ from act_ru_task where "
                  + "proc_inst_id_ = '"
                  + templateInstance
                  + "') and type_ = 'candidate'",
              Map.of(
                  "id_",
                  "'bench-link-' || " + n,
                  "task_id_",
                  "'bench-task-' || " + n,
                  "group_id_",
                  group.toString()),
              count));
      // the task-level authorization the engine writes for each candidate group
      exec(
          c,
          copy(
              c,
              "act_ru_authorization",
              "resource_type_ = 7 and resource_id_ in (select "
                  + "id_ from act_ru_task where proc_inst_id_ = '"
                  + templateInstance
                  + "') and "
                  + "group_id_ is not null",
              Map.of(
                  "id_",
                  "'bench-auth-' || " + n,
                  "resource_id_",
                  "'bench-task-' || " + n,
                  "group_id_",
                  group.toString(),
                  "root_proc_inst_id_",
                  instance),
              count));
      analyze(c, "act_ru_execution", "act_ru_task", "act_ru_identitylink", "act_ru_authorization");
    }
  }

  /**
   * {@code count} finished instances in history, each with one finished task, like the template.
   */
  void finishedInstances(String templateInstance, int count) throws SQLException {
    try (Connection c = connect()) {
      String n = "g.n";
      String instance = "'bench-hpi-' || " + n;
      String shift = " - " + n + " * interval '30 seconds'";
      exec(
          c,
          copy(
              c,
              "act_hi_procinst",
              "id_ = '" + templateInstance + "'",
              Map.of(
                  "id_",
                  instance,
                  "proc_inst_id_",
                  instance,
                  "root_proc_inst_id_",
                  instance,
                  "business_key_",
                  "'BENCH-H-' || " + n,
                  "start_time_",
                  "start_time_" + shift,
                  "end_time_",
                  "end_time_" + shift,
                  "removal_time_",
                  "null"),
              count));
      exec(
          c,
          copy(
              c,
              "act_hi_taskinst",
              "id_ = (select min(id_) from act_hi_taskinst where "
                  + "proc_inst_id_ = '"
                  + templateInstance
                  + "')",
              Map.of(
                  "id_",
                  "'bench-htask-' || " + n,
                  "proc_inst_id_",
                  instance,
                  "root_proc_inst_id_",
                  instance,
                  "execution_id_",
                  instance,
                  "start_time_",
                  "start_time_" + shift,
                  "end_time_",
                  "end_time_" + shift,
                  "removal_time_",
                  "null"),
              count));
      analyze(c, "act_hi_procinst", "act_hi_taskinst");
    }
  }

  /** {@code count} measures like {@code templateCode}, each with {@code changesEach} log rows. */
  void measures(String templateCode, int count, int changesEach) throws SQLException {
    try (Connection c = connect()) {
      exec(
          c,
          copy(
              c,
              "mu_measure",
              "code = '" + templateCode + "'",
              of(
                  "id",
                  null,
                  "code",
                  "'BENCH-M-' || g.n",
                  "name",
                  "name || ' ' || g.n",
                  "position",
                  "10000 + g.n"),
              count));
      String template =
          "(select max(id) from mu_measure_status_log where measure_id = "
              + "(select id from mu_measure where code = '"
              + templateCode
              + "'))";
      List<String> columns = columns(c, "mu_measure_status_log", of("id", null));
      List<String> values = new ArrayList<>();
      for (String column : columns) {
        values.add(
            switch (column) {
              case "measure_id" -> "m.id";
              case "changed_at" -> "t.changed_at - k * interval '1 hour'";
              default -> "t." + column;
            });
      }
      exec(
          c,
          "insert into mu_measure_status_log ("
              + String.join(", ", columns)
              + ") select "
              + String.join(", ", values)
              + " from mu_measure_status_log t cross join mu_measure m "
              + "cross join generate_series(1, "
              + changesEach
              + ") k where t.id = "
              + template
              + " and m.code like 'BENCH-M-%'");
      analyze(c, "mu_measure", "mu_measure_status_log");
    }
  }

  long count(String table) throws SQLException {
    try (Connection c = connect();
        var rs = c.createStatement().executeQuery("select count(*) from " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * {@code insert into table (...) select ... from table, generate_series(1, count)} where each
   * column is copied from the template row unless {@code overrides} gives an expression (a null
   * expression leaves the column out, e.g. a generated id).
   */
  private static String copy(
      Connection c, String table, String template, Map<String, String> overrides, int count)
      throws SQLException {
    List<String> columns = columns(c, table, overrides);
    List<String> values = new ArrayList<>();
    for (String column : columns) {
      values.add(overrides.getOrDefault(column, column));
    }
    return "insert into "
        + table
        + " ("
        + String.join(", ", columns)
        + ") select "
        + String.join(", ", values)
        + " from "
        + table
        + " cross join generate_series(1, "
        + count
        + ") g(n) where "
        + template;
  }

  /** The table's columns in order, without those {@code overrides} maps to null. */
  private static List<String> columns(Connection c, String table, Map<String, String> overrides)
      throws SQLException {
    List<String> columns = new ArrayList<>();
    try (var statement =
        c.prepareStatement(
            "select column_name from information_schema.columns "
                + "where table_schema = current_schema() and table_name = ? order by ordinal_position")) {
      statement.setString(1, table.toLowerCase(Locale.ROOT));
      try (var rs = statement.executeQuery()) {
        while (rs.next()) {
          String column = rs.getString(1).toLowerCase(Locale.ROOT);
          if (!overrides.containsKey(column) || overrides.get(column) != null) {
            columns.add(column);
          }
        }
      }
    }
    if (columns.isEmpty()) {
      throw new SQLException("no table " + table);
    }
    return columns;
  }

  /** A map that, unlike {@code Map.of}, takes null values (columns left out). */
  private static Map<String, String> of(String... keysAndValues) {
    Map<String, String> map = new java.util.HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  private static void exec(Connection c, String sql) throws SQLException {
    try (var statement = c.createStatement()) {
      int rows = statement.executeUpdate(sql);
      if (rows == 0) {
        throw new SQLException("generated no rows (no template row?): " + sql);
      }
    }
  }

  private static void analyze(Connection c, String... tables) throws SQLException {
    for (String table : tables) {
      try (var statement = c.createStatement()) {
        statement.execute("vacuum analyze " + table);
      }
    }
  }

  private Connection connect() throws SQLException {
    Connection c = DriverManager.getConnection(url, "postgres", "");
    c.setAutoCommit(true);
    return c;
  }
}
