package fi.muutos.zoning;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.muutos.platform.DomainException;
import fi.muutos.platform.DomainException.Kind;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * A plan's area (aluerajaus): a GeoJSON Polygon or MultiPolygon in ETRS-TM35FIN (EPSG:3067), the
 * coordinate system Ryhti takes. Checked when given: closed rings of at least four positions,
 * metres within the coordinate system's extent (degrees are refused with their own message), a
 * valid geometry (no self-intersections, holes inside their shell), and, when the municipality has
 * configured one, inside its bounding box. Stored as the geometry alone ({@code type} and {@code
 * coordinates}); a GeoJSON Feature is taken by its geometry.
 */
public record PlanArea(JsonNode geometry) {

  /** The EPSG code of ETRS-TM35FIN, as Ryhti's {@code srid}. */
  public static final String SRID = "3067";

  /** The extent of ETRS-TM35FIN (EPSG:3067): easting and northing in metres. */
  private static final Envelope EXTENT = new Envelope(43_547, 764_797, 6_522_236, 7_795_462);

  /** The most positions an area may have (a plan's boundary, not a parcel map). */
  static final int MAX_POSITIONS = 50_000;

  private static final GeometryFactory GEOMETRIES = new GeometryFactory(new PrecisionModel(), 3067);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The area's GeoJSON geometry as text (what is stored and sent). */
  public String json() {
    return geometry.toString();
  }

  /** The stored text back as an area (stored areas were checked when given). */
  static PlanArea stored(String json) {
    if (json == null) {
      return null;
    }
    try {
      return new PlanArea(JSON.readTree(json));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A stored plan area is not JSON", e);
    }
  }

  /** Parses and checks GeoJSON text (a start variable, a pasted or uploaded file). */
  public static PlanArea parse(String text, Envelope bounds) {
    if (text == null || text.isBlank()) {
      return null;
    }
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw invalid("Aluerajaus ei ole GeoJSONia (not JSON): " + e.getOriginalMessage());
    }
    return of(node, bounds);
  }

  /** Checks a GeoJSON geometry (or Feature) given as JSON; null or JSON null gives no area. */
  public static PlanArea of(JsonNode node, Envelope bounds) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isObject()) {
      throw invalid("Aluerajaus on GeoJSON-olio: Polygon, MultiPolygon tai niiden Feature.");
    }
    if ("Feature".equals(node.path("type").asText())) {
      return of(node.get("geometry"), bounds);
    }
    String type = node.path("type").asText();
    JsonNode coordinates = node.get("coordinates");
    if (!"Polygon".equals(type) && !"MultiPolygon".equals(type)) {
      throw invalid(
          "Aluerajauksen tyyppi on Polygon tai MultiPolygon, ei '"
              + type
              + "' (a FeatureCollection: give its one area as a geometry).");
    }
    if (coordinates == null || !coordinates.isArray() || coordinates.isEmpty()) {
      throw invalid("Aluerajaukselta puuttuvat koordinaatit (coordinates).");
    }
    int[] positions = {0};
    List<Polygon> polygons = new ArrayList<>();
    if ("Polygon".equals(type)) {
      polygons.add(polygon(coordinates, positions));
    } else {
      for (JsonNode polygon : coordinates) {
        polygons.add(polygon(polygon, positions));
      }
    }
    Geometry geometry =
        polygons.size() == 1 && "Polygon".equals(type)
            ? polygons.get(0)
            : GEOMETRIES.createMultiPolygon(polygons.toArray(Polygon[]::new));
    TopologyValidationError error = new IsValidOp(geometry).getValidationError();
    if (error != null) {
      Coordinate at = error.getCoordinate();
      throw invalid(
          "Aluerajaus ei ole eheä alue: "
              + error.getMessage()
              + (at == null ? "" : " kohdassa " + (long) at.x + ", " + (long) at.y)
              + " (invalid geometry).");
    }
    if (bounds != null && !bounds.covers(geometry.getEnvelopeInternal())) {
      throw invalid(
          "Aluerajaus ulottuu kunnan alueen ulkopuolelle (muutos.zoning.area.bounds "
              + (long) bounds.getMinX()
              + ", "
              + (long) bounds.getMinY()
              + " – "
              + (long) bounds.getMaxX()
              + ", "
              + (long) bounds.getMaxY()
              + ").");
    }
    ObjectNode clean = JsonNodeFactory.instance.objectNode();
    clean.put("type", type);
    clean.set("coordinates", coordinates.deepCopy());
    return new PlanArea(clean);
  }

  private static Polygon polygon(JsonNode rings, int[] positions) {
    if (!rings.isArray() || rings.isEmpty()) {
      throw invalid("Monikulmiolta puuttuu ulkoreuna (a polygon needs its exterior ring).");
    }
    LinearRing shell = ring(rings.get(0), positions);
    LinearRing[] holes = new LinearRing[rings.size() - 1];
    for (int i = 1; i < rings.size(); i++) {
      holes[i - 1] = ring(rings.get(i), positions);
    }
    return GEOMETRIES.createPolygon(shell, holes);
  }

  private static LinearRing ring(JsonNode ring, int[] positions) {
    if (!ring.isArray() || ring.size() < 4) {
      throw invalid(
          "Aluerajauksen reunassa on oltava vähintään neljä pistettä, ensimmäinen ja viimeinen"
              + " samat (a closed ring of at least 4 positions).");
    }
    Coordinate[] coordinates = new Coordinate[ring.size()];
    for (int i = 0; i < ring.size(); i++) {
      if (++positions[0] > MAX_POSITIONS) {
        throw invalid("Aluerajauksessa on yli " + MAX_POSITIONS + " pistettä.");
      }
      coordinates[i] = position(ring.get(i));
    }
    if (!coordinates[0].equals2D(coordinates[coordinates.length - 1])) {
      throw invalid(
          "Aluerajauksen reuna ei sulkeudu: ensimmäinen ja viimeinen piste eroavat (the ring is not"
              + " closed).");
    }
    return GEOMETRIES.createLinearRing(coordinates);
  }

  private static Coordinate position(JsonNode position) {
    if (!position.isArray()
        || position.size() < 2
        || position.size() > 3
        || !position.get(0).isNumber()
        || !position.get(1).isNumber()) {
      throw invalid("Aluerajauksen piste on [itä, pohjoinen] metreinä: " + position);
    }
    double east = position.get(0).asDouble();
    double north = position.get(1).asDouble();
    if (Math.abs(east) <= 180 && Math.abs(north) <= 90) {
      throw invalid(
          "Aluerajauksen koordinaatit näyttävät asteilta ("
              + east
              + ", "
              + north
              + "): anna ne ETRS-TM35FIN-metreinä (EPSG:3067), kuten Ryhti ne ottaa.");
    }
    if (!EXTENT.covers(east, north)) {
      throw invalid(
          "Aluerajauksen piste "
              + east
              + ", "
              + north
              + " ei ole ETRS-TM35FIN-koordinaatiston (EPSG:3067) alueella.");
    }
    return new Coordinate(east, north);
  }

  private static DomainException invalid(String message) {
    return new DomainException(Kind.INVALID, "invalid-area", message);
  }
}
