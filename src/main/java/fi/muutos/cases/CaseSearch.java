package fi.muutos.cases;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cases as management looks for them in Cockpit: by process, instance, or a part of their name or
 * business key, each with where it is, the model version it runs on and its open filings.
 */
@Service
public class CaseSearch {

  private final CaseRepository repository;
  private final FilingRepository filings;
  private final Map<String, CaseKind<?>> kinds;
  private final Cases cases;

  CaseSearch(
      CaseRepository repository, FilingRepository filings, List<CaseKind<?>> kinds, Cases cases) {
    this.repository = repository;
    this.filings = filings;
    this.kinds =
        kinds.stream().collect(Collectors.toMap(CaseKind::processKey, Function.identity()));
    this.cases = cases;
  }

  /**
   * A case as management looks for it in Cockpit: its key and name, its process, where it is, and
   * its instance.
   */
  public record CaseSummary(
      String businessKey,
      String processKey,
      String name,
      String stage,
      String stageLabel,
      String outcome,
      String recordNumber,
      String processInstanceId,
      Integer modelVersion,
      int filingsWaiting,
      int filingsToHandle) {}

  /**
   * Cases by process, instance, or a part of their name or business key (any of them); newest
   * first, at most {@code limit} (1–200).
   */
  @Transactional(readOnly = true)
  public List<CaseSummary> search(
      String processKey, String processInstanceId, String text, int limit) {
    return repository
        .search(
            blankToNull(processKey),
            blankToNull(processInstanceId),
            blankToNull(text),
            Math.max(1, Math.min(limit, 200)))
        .stream()
        .collect(Collectors.collectingAndThen(Collectors.toList(), rows -> summaries(rows)));
  }

  private List<CaseSummary> summaries(List<CaseRepository.CaseRow> rows) {
    Map<String, int[]> open =
        filings.open(rows.stream().map(CaseRepository.CaseRow::businessKey).toList());
    Map<String, Integer> versions =
        cases.modelVersions(rows.stream().map(CaseRepository.CaseRow::processInstanceId).toList());
    return rows.stream()
        .map(
            row -> {
              CaseKind<?> kind = kinds.get(row.processKey());
              String label =
                  kind == null || row.stage() == null
                      ? row.stage()
                      : kind.stage(row.stage()).label();
              return new CaseSummary(
                  row.businessKey(),
                  row.processKey(),
                  row.name(),
                  row.stage(),
                  label,
                  row.outcome(),
                  row.recordNumber(),
                  row.processInstanceId(),
                  versions.get(row.processInstanceId()),
                  open.getOrDefault(row.businessKey(), new int[2])[0],
                  open.getOrDefault(row.businessKey(), new int[2])[1]);
            })
        .toList();
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
