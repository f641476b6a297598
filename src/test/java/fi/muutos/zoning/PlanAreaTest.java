package fi.muutos.zoning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.muutos.platform.DomainException;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

/** A plan's area is checked when given: what Ryhti would refuse is refused here, in Finnish. */
public class PlanAreaTest {

  /** Heinola's bounding box of the default configuration. */
  static final Envelope HEINOLA = new Envelope(415_000, 485_000, 6_755_000, 6_825_000);

  /** A 2 km square in the centre of Heinola (ETRS-TM35FIN). */
  public static final String SQUARE =
      "{\"type\":\"Polygon\",\"coordinates\":[[[447000,6786000],[449000,6786000],"
          + "[449000,6788000],[447000,6788000],[447000,6786000]]]}";

  @Test
  void aClosedPolygonInMetresIsAnAreaAndOnlyItsGeometryIsKept() {
    PlanArea area =
        PlanArea.parse(
            "{\"type\":\"Polygon\",\"crs\":\"x\",\"bbox\":[1,2,3,4],\"coordinates\":"
                + "[[[447000,6786000],[449000,6786000],[449000,6788000],[447000,6786000]]]}",
            HEINOLA);
    assertThat(area.geometry().fieldNames()).toIterable().containsExactly("type", "coordinates");
    assertThat(area.json()).startsWith("{\"type\":\"Polygon\"");
  }

  @Test
  void aFeatureIsTakenByItsGeometryAndAMultiPolygonWithAHoleIsAnArea() {
    assertThat(
            PlanArea.parse(
                    "{\"type\":\"Feature\",\"properties\":{},\"geometry\":" + SQUARE + "}", HEINOLA)
                .json())
        .isEqualTo(PlanArea.parse(SQUARE, HEINOLA).json());
    String withHole =
        "{\"type\":\"MultiPolygon\",\"coordinates\":[[[[447000,6786000],[449000,6786000],"
            + "[449000,6788000],[447000,6788000],[447000,6786000]],[[447500,6786500],"
            + "[448000,6786500],[448000,6787000],[447500,6786500]]]]}";
    assertThat(PlanArea.parse(withHole, HEINOLA).geometry().path("type").asText())
        .isEqualTo("MultiPolygon");
  }

  @Test
  void nothingGivenIsNoArea() {
    assertThat(PlanArea.parse(null, HEINOLA)).isNull();
    assertThat(PlanArea.parse("  ", HEINOLA)).isNull();
  }

  @Test
  void anOpenRingIsRefused() {
    refused(
        "{\"type\":\"Polygon\",\"coordinates\":[[[447000,6786000],[449000,6786000],"
            + "[449000,6788000],[447000,6788000]]]}",
        "ei sulkeudu");
  }

  @Test
  void aRingOfThreePointsIsRefused() {
    refused(
        "{\"type\":\"Polygon\",\"coordinates\":[[[447000,6786000],[449000,6786000],"
            + "[447000,6786000]]]}",
        "vähintään neljä pistettä");
  }

  @Test
  void degreesAreRefusedWithTheirOwnMessage() {
    refused(
        "{\"type\":\"Polygon\",\"coordinates\":[[[26.0,61.2],[26.1,61.2],[26.1,61.3],"
            + "[26.0,61.2]]]}",
        "näyttävät asteilta");
  }

  @Test
  void aSelfIntersectingBoundaryIsRefused() {
    refused(
        "{\"type\":\"Polygon\",\"coordinates\":[[[447000,6786000],[449000,6788000],"
            + "[449000,6786000],[447000,6788000],[447000,6786000]]]}",
        "ei ole eheä");
  }

  @Test
  void anAreaOutsideTheMunicipalityIsRefused() {
    refused(
        "{\"type\":\"Polygon\",\"coordinates\":[[[385000,6672000],[386000,6672000],"
            + "[386000,6673000],[385000,6672000]]]}",
        "kunnan alueen ulkopuolelle");
  }

  @Test
  void otherGeometriesTextAndNonsenseAreRefused() {
    refused("{\"type\":\"Point\",\"coordinates\":[447000,6786000]}", "Polygon tai MultiPolygon");
    refused("{\"type\":\"FeatureCollection\",\"features\":[]}", "Polygon tai MultiPolygon");
    refused("[1,2]", "GeoJSON-olio");
    refused("{\"type\":\"Polygon\"}", "koordinaatit");
    refused("{\"type\":\"Polygon\",\"coordinates\":[[[\"a\",\"b\"]]]}", "neljä pistettä");
    refused(
        "{\"type\":\"Polygon\",\"coordinates\":[[[\"a\",6786000],[449000,6786000],"
            + "[449000,6788000],[447000,6786000]]]}",
        "[itä, pohjoinen]");
    refused("not json", "ei ole GeoJSONia");
  }

  private static void refused(String geoJson, String message) {
    assertThatThrownBy(() -> PlanArea.parse(geoJson, HEINOLA))
        .isInstanceOf(DomainException.class)
        .hasMessageContaining(message);
  }
}
