package fi.muutos.strategy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Loads the strategy data file ({@code muutos.strategy.initial-data}) on the first start, when no
 * strategy exists yet. A second node starting at the same moment loses the race on the unique codes
 * and leaves the data to the first. A broken file stops the start with its problems listed.
 */
@Component
class InitialStrategyLoader implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(InitialStrategyLoader.class);

  private final StrategyService strategy;
  private final StrategyReads reads;
  private final Resource initialData;

  InitialStrategyLoader(
      StrategyService strategy,
      StrategyReads reads,
      @Value("${muutos.strategy.initial-data:}") Resource initialData) {
    this.strategy = strategy;
    this.reads = reads;
    this.initialData = initialData;
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    if (initialData == null || !initialData.exists() || reads.anyStrategy()) {
      return;
    }
    String yaml = initialData.getContentAsString(StandardCharsets.UTF_8);
    try {
      ImportResult result = strategy.importFile(yaml, new ChangeSource.Import(null));
      LOG.info(
          "Loaded strategy {} from {}: {} goals, {} objectives, {} measures",
          result.strategy(),
          initialData.getDescription(),
          result.goals(),
          result.objectives(),
          result.measuresCreated());
    } catch (DataIntegrityViolationException e) {
      LOG.info("Another node loaded the strategy data first");
    } catch (StrategyFileException e) {
      throw new IllegalStateException(
          "The strategy data file "
              + initialData.getDescription()
              + " has problems: "
              + e.problems().stream().map(StrategyFileException::describe).toList(),
          e);
    }
  }
}
