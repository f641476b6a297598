package fi.muutos.bench;

import fi.muutos.bench.Load.Result;
import fi.muutos.bench.Load.Rounds;
import fi.muutos.bench.SqlCost.Cost;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** docs/benchmarks.md: generated tables, then the tuning log that is kept by hand. */
final class Report {

  static final Path DOCUMENT = Path.of("docs", "benchmarks.md");

  /** Everything from this line on is kept as it is when the tables are written again. */
  static final String KEPT =
      "<!-- Below this line: kept by hand, not overwritten by the benchmark. -->";

  private final int clients;
  private final int requests;
  private final int warmUp;
  private final int lifecycles;
  private final int rounds;
  private final List<String> defaults;
  String postgres = "";
  String costPostgres = "";
  String camunda = "";
  Rounds dbLimit;

  /** Setting → workload → its result in each round. */
  private final Map<String, Map<String, List<Result>>> throughput = new LinkedHashMap<>();

  private final Map<String, List<Result>> reads = new LinkedHashMap<>();
  final Map<String, Cost> costs = new LinkedHashMap<>();
  String loaded = "";
  double loadSeconds;

  Report(int clients, int requests, int warmUp, int lifecycles, int rounds, List<String> defaults) {
    this.clients = clients;
    this.requests = requests;
    this.warmUp = warmUp;
    this.lifecycles = lifecycles;
    this.rounds = rounds;
    this.defaults = defaults;
  }

  void add(String setting, String workload, Result result) {
    throughput
        .computeIfAbsent(setting, s -> new LinkedHashMap<>())
        .computeIfAbsent(workload, w -> new ArrayList<>())
        .add(result);
  }

  void addRead(String read, Result result) {
    reads.computeIfAbsent(read, r -> new ArrayList<>()).add(result);
  }

  String markdown(String previous) {
    StringBuilder md = new StringBuilder();
    md.append("# Benchmarks\n\n");
    md.append(
        "Written by `mvn -Pbench verify` (`fi.muutos.bench.MuutosBenchmark`); the tables are "
            + "not edited by hand. Every figure in them comes from one run of that command, in which "
            + "each throughput workload and each read was measured "
            + rounds
            + " times (the rounds alternate Muutos and defaults): a figure is the median of the "
            + "rounds, and the spread is the lowest and highest throughput (reads: p95) of the "
            + "rounds.\n\n");
    md.append("- machine: ").append(machine()).append('\n');
    md.append("- Java ")
        .append(System.getProperty("java.version"))
        .append(", Camunda ")
        .append(camunda)
        .append(", PostgreSQL ")
        .append(postgres)
        .append('\n');
    md.append(
        String.format(
            Locale.ROOT,
            "- %d HTTP clients (threads); %d measured requests per "
                + "start and intake workload after %d warm-up requests; %d measured lifecycles after %d "
                + "warm-up ones; HTTP Basic as the demo users%n",
            clients,
            requests,
            warmUp,
            lifecycles,
            Math.max(1, lifecycles / 10)));
    md.append("- the application, PostgreSQL and the clients share the machine\n\n");

    md.append("## Throughput\n\n");
    md.append(
            "\"Muutos\" is the application as shipped (`postgres` profile). \"defaults\" is the "
                + "same application with Camunda's and Hikari's defaults put back where Muutos changes "
                + "them: `")
        .append(String.join(" ", defaults))
        .append(
            "`. \"DB limit\" is PostgreSQL's "
                + "own commit rate here: one-row insert transactions, one connection per client. Absolute "
                + "numbers on a shared machine are context only; the ratios are the point.\n\n");
    md.append(
        "| workload | Muutos /s | spread | defaults /s | spread | Muutos ÷ defaults | settled /s | "
            + "settled ÷ defaults | Muutos ÷ DB limit | p50 ms | p95 ms | p99 ms |\n"
            + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    Map<String, List<Result>> ours = throughput.getOrDefault("Muutos", Map.of());
    Map<String, List<Result>> theirs = throughput.getOrDefault("defaults", Map.of());
    for (var entry : ours.entrySet()) {
      Rounds our = new Rounds(entry.getValue());
      Rounds their = new Rounds(theirs.getOrDefault(entry.getKey(), entry.getValue()));
      Result o = our.median();
      Result t = their.median();
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %.1f | %s | %.1f | %s | %.2f | %.1f | %.2f | %.2f %% | %.1f | %.1f | %.1f |%n",
              entry.getKey(),
              o.perSecond(),
              spread(our, Result::perSecond),
              t.perSecond(),
              spread(their, Result::perSecond),
              o.perSecond() / t.perSecond(),
              o.settledPerSecond(),
              o.settledPerSecond() / t.settledPerSecond(),
              dbLimit == null ? Double.NaN : 100 * o.perSecond() / dbLimit.median().perSecond(),
              o.p50(),
              o.p95(),
              o.p99()));
    }
    if (dbLimit != null) {
      Result limit = dbLimit.median();
      md.append(
          String.format(
              Locale.ROOT,
              "| DB limit: one-row insert commits | %.0f | %s | | | | | | | %.1f | %.1f | %.1f |%n",
              limit.perSecond(),
              spread(dbLimit, Result::perSecond),
              limit.p50(),
              limit.p95(),
              limit.p99()));
    }
    md.append(
        "\n\"settled\" counts until the job executor has also run the asynchronous steps the "
            + "requests started (a start's measure update, an event's correlation work): the whole "
            + "work a request causes, which is how process kinds compare fairly (a kind whose "
            + "asynchronous steps wait on a shared row would otherwise look faster by leaving its "
            + "work for later). Latencies are those of the Muutos run; for a lifecycle, the whole "
            + "lifecycle. A "
            + "lifecycle is a minor detailed-plan change: start, its tasks completed through "
            + "`/engine-rest` with the values their forms set (the proposal asks no statements: "
            + "their events would race the period timers below), the decision as a CloudEvent, "
            + "the display, take-over and appeal periods' timers (their dates lie in the "
            + "past: the walk registers earlier acts) and the measure updates run by the job executor "
            + "(every tenth plan is appealed instead and the appeal dismissed, by events); it ends when "
            + "the instance has completed. Strategy evaluations are not started here: each start "
            + "deploys a survey form generated for it, a rare and deliberately heavy step.\n\n");

    md.append("## SQL per lifecycle\n\n");
    md.append(
            "Statements and commits one minor-zoning lifecycle costs, counted by "
                + "pg_stat_statements on PostgreSQL ")
        .append(costPostgres)
        .append(
            " over lifecycles run "
                + "one at a time. The job executor's acquisition queries and the event inbox's retry "
                + "poll run on a clock, not per lifecycle; they are counted apart (with their "
                + "transactions).\n\n");
    md.append(
        "| setting | statements per lifecycle | commits per lifecycle | poller statements "
            + "meanwhile |\n|---|---:|---:|---:|\n");
    costs.forEach(
        (name, cost) ->
            md.append(
                String.format(
                    Locale.ROOT,
                    "| %s | %.1f | %.1f | %d " + "|%n",
                    name,
                    cost.statements(),
                    cost.commits(),
                    cost.pollerStatements())));
    Cost our = costs.get("Muutos");
    if (our != null) {
      md.append("\nThe most frequent statements in the Muutos run (calls per lifecycle):\n\n");
      md.append("| calls | statement |\n|---:|---|\n");
      for (SqlCost.Statement statement : our.top()) {
        String sql = statement.sql();
        sql = sql.length() > 110 ? sql.substring(0, 110) + " …" : sql;
        md.append(
            String.format(
                Locale.ROOT,
                "| %.1f | `%s` |%n",
                statement.perUnit(),
                sql.replace("|", "\\|").replace("`", "'")));
      }
      md.append('\n');
    }

    md.append("## Reads at scale\n\n");
    md.append(
        "Loaded straight into the database (copies of real rows, in set-based inserts, "
            + String.format(Locale.ROOT, "%.0f s): %s. ", loadSeconds, loaded)
            + "The open tasks' candidate groups are spread over five groups, so the planners' group "
            + "filter matches a fifth of them. One client, requests one after another, as the group's "
            + "user.\n\n");
    md.append("| read | p50 ms | p95 ms | p95 spread | p99 ms |\n|---|---:|---:|---:|---:|\n");
    reads.forEach(
        (name, results) -> {
          Rounds rounds = new Rounds(results);
          Result result = rounds.median();
          md.append(
              String.format(
                  Locale.ROOT,
                  "| %s | %.1f | %.1f | %s | %.1f |%n",
                  name,
                  result.p50(),
                  result.p95(),
                  spread(rounds, Result::p95),
                  result.p99()));
        });
    md.append('\n');

    int kept = previous.indexOf(KEPT);
    md.append(kept >= 0 ? previous.substring(kept) : KEPT + "\n");
    return md.toString();
  }

  private static String spread(Rounds rounds, java.util.function.ToDoubleFunction<Result> figure) {
    return String.format(Locale.ROOT, "%.1f–%.1f", rounds.min(figure), rounds.max(figure));
  }

  private static String machine() {
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    return String.format(
        Locale.ROOT,
        "%d cores, %.1f GiB memory, %s %s",
        Runtime.getRuntime().availableProcessors(),
        os.getTotalMemorySize() / 1073741824.0,
        System.getProperty("os.name"),
        System.getProperty("os.version"));
  }
}
