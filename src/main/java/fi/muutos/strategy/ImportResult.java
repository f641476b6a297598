package fi.muutos.strategy;

import java.util.List;

/**
 * What an import did. Existing items are matched by code and updated; new ones are created. Nothing
 * is deleted: {@code notInFile} lists items the file no longer names (cancel a measure instead of
 * removing it). The status of an existing measure belongs to the work, not to the file: {@code
 * statusesKept} lists measures whose status in the file differs from their current one.
 */
public record ImportResult(
    String strategy,
    int goals,
    int objectives,
    int measuresCreated,
    int measuresUpdated,
    int evaluations,
    List<String> notInFile,
    List<String> statusesKept) {

  public ImportResult {
    notInFile = List.copyOf(notInFile);
    statusesKept = List.copyOf(statusesKept);
  }
}
