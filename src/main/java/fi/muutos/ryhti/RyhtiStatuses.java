package fi.muutos.ryhti;

import fi.muutos.zoning.PlanRegister;
import fi.muutos.zoning.RyhtiProblem;
import fi.muutos.zoning.RyhtiStatus;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A plan's {@link RyhtiStatus}, from the outbox and what Ryhti holds (the plan's view shows it).
 */
@Component
public class RyhtiStatuses implements PlanRegister {

  private final RyhtiRepository repository;
  private final RyhtiSettings settings;

  RyhtiStatuses(RyhtiRepository repository, RyhtiSettings settings) {
    this.repository = repository;
    this.settings = settings;
  }

  @Override
  @Transactional(readOnly = true)
  public RyhtiStatus of(String businessKey) {
    var last = repository.lastDelivered(businessKey);
    List<RyhtiProblem> problems =
        repository.rejected(businessKey).stream()
            .flatMap(row -> repository.problems(row).stream())
            .toList();
    return new RyhtiStatus(
        settings.enabled(),
        repository.permanentIdentifier(businessKey).orElse(null),
        last.map(RyhtiRepository.Delivered::lifecycleCode).orElse(null),
        last.map(RyhtiRepository.Delivered::deliveredAt).orElse(null),
        repository.pending(businessKey),
        problems);
  }
}
