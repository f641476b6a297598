package fi.muutos.zoning;

/**
 * Something Ryhti refused, in its own words (a 400's title and detail, or a 422's rule and
 * message), or something our own check found missing before sending ({@code source} MUUTOS).
 */
public record RyhtiProblem(String source, String ruleId, String message, String instance) {

  public static RyhtiProblem ours(String ruleId, String message) {
    return new RyhtiProblem("MUUTOS", ruleId, message, null);
  }

  public static RyhtiProblem ryhti(String ruleId, String message, String instance) {
    return new RyhtiProblem("RYHTI", ruleId, message, instance);
  }
}
