package fi.muutos.zoning;

import fi.muutos.platform.MunicipalitySettings;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The municipality's zoning settings ({@code muutos.zoning.*}, its own file), checked when the
 * application starts: the approving bodies are the municipality's, the area's bounds are four
 * numbers. A wrong value stops the start with a message naming the key.
 */
@Component
public class ZoningSettings {

  private final String council;
  private final String delegatedApprover;
  private final String board;
  private final Envelope areaBounds;

  ZoningSettings(
      @Value("${muutos.zoning.delegated-approver}") String delegatedApprover,
      @Value("${muutos.zoning.area.bounds:}") List<Double> areaBounds,
      MunicipalitySettings municipality) {
    String council = municipality.council();
    String board = municipality.board();
    for (String body : List.of(delegatedApprover)) {
      if (municipality.body(body).isEmpty()) {
        throw new IllegalStateException(
            "muutos.zoning names the body '"
                + body
                + "', which is not one of muutos.municipality.bodies "
                + municipality.bodies());
      }
    }
    if (!areaBounds.isEmpty() && areaBounds.size() != 4) {
      throw new IllegalStateException(
          "muutos.zoning.area.bounds is four numbers (min east, min north, max east, max north in"
              + " ETRS-TM35FIN), not "
              + areaBounds);
    }
    this.council = council;
    this.delegatedApprover = delegatedApprover;
    this.board = board;
    this.areaBounds =
        areaBounds.isEmpty()
            ? null
            : new Envelope(
                areaBounds.get(0), areaBounds.get(2), areaBounds.get(1), areaBounds.get(3));
  }

  /** The council: it approves master plans and significant plans (AKL 37 §, 52 §). */
  public String council() {
    return council;
  }

  /** The body the administrative regulation delegates minor changes to. */
  public String delegatedApprover() {
    return delegatedApprover;
  }

  /**
   * The municipal board (kunnanhallitus): it may take a delegated body's decision over and then
   * decides the matter itself (kuntalaki 92 §).
   */
  public String board() {
    return board;
  }

  /** The municipality's bounding box (ETRS-TM35FIN), or {@code null}: only the system's extent. */
  public Envelope areaBounds() {
    return areaBounds;
  }
}
