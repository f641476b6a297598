package fi.muutos.organisation;

import fi.muutos.cases.CouncilDecisions;
import fi.muutos.organisation.ReformRepository.ReformRow;
import fi.muutos.platform.DomainException;
import fi.muutos.platform.DomainException.Kind;
import fi.muutos.platform.GenderBalance;
import fi.muutos.platform.TextLines;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The new bodies' elections and delegations (kuntalaki 91 §): each body's members, deputies, chair
 * and vice-chair as the council elected them, with the gender balance the equality act requires
 * (tasa-arvolaki 4 a §: at least 40 % of each, unless an exceptional reason is recorded), for the
 * interim term and the next; each body's delegation decision once it is constituted.
 */
@Service
public class CommitteeElections {

  private final ReformRepository repository;
  private final CouncilDecisions decisions;
  private final Clock clock;

  CommitteeElections(ReformRepository repository, CouncilDecisions decisions, Clock clock) {
    this.repository = repository;
    this.decisions = decisions;
    this.clock = clock;
  }

  /** A body's election as the council decided it. */
  public record ElectionFacts(
      LocalDate electedOn,
      String members,
      String deputies,
      Integer women,
      Integer men,
      Integer deputyWomen,
      Integer deputyMen,
      String chair,
      String viceChair,
      String balanceException) {}

  /**
   * Records the council's election of a body for a term. Refused when either sex has less than 40 %
   * of the members or of the deputies (tasa-arvolaki 4 a §) unless an exceptional reason is
   * written; the chair and vice-chair are members; the election is not before the council's
   * decision (for a later term, not before the term starts) nor in the future.
   */
  @Transactional
  public void electCommittee(long reformId, String committee, int term, ElectionFacts facts) {
    ReformRow reform = repository.require(reformId).decided();
    if (!repository.hasCommittee(reformId, committee)) {
      throw Reforms.invalid(
          "Uudistuksessa "
              + reformId
              + " ei ole toimielintä "
              + committee
              + " (reform "
              + reformId
              + " has no committee "
              + committee
              + ")");
    }
    reform.requireEnforceable();
    LocalDate termStarts = termStarts(reform, term);
    LocalDate termEnds = term == 1 ? reform.interimTermEnds() : null;
    decisions.actDone(
        "electionDate",
        facts.electedOn(),
        term == 1 ? reform.councilDecisionOn() : termStarts,
        term == 1 ? "valtuuston päätöstä" : "uuden toimikauden alkua");
    List<String> members = TextLines.of(facts.members());
    if (members.isEmpty()) {
      throw Reforms.invalid("Toimielimeen " + committee + " on valittava jäseniä (members).");
    }
    int women = count("women", facts.women());
    int men = count("men", facts.men());
    int deputyWomen = count("deputyWomen", facts.deputyWomen());
    int deputyMen = count("deputyMen", facts.deputyMen());
    if (women + men != members.size()) {
      throw Reforms.invalid(
          "Toimielimen "
              + committee
              + " jäseniä on "
              + members.size()
              + ", mutta naisia ja miehiä yhteensä "
              + (women + men)
              + ".");
    }
    // the 40 % check on deputies runs on the deputies elected, not on numbers typed beside them
    // (review R8)
    int deputies = TextLines.of(facts.deputies()).size();
    if (deputyWomen + deputyMen != deputies) {
      throw Reforms.invalid(
          "Toimielimen "
              + committee
              + " varajäseniä on nimetty "
              + deputies
              + ", mutta naisia ja miehiä yhteensä "
              + (deputyWomen + deputyMen)
              + " (deputies, deputyWomen, deputyMen).");
    }
    String exception = facts.balanceException() == null ? "" : facts.balanceException().strip();
    if (exception.isEmpty()) {
      balanced(committee, "jäsenistä", women, men);
      balanced(committee, "varajäsenistä", deputyWomen, deputyMen);
    }
    String chair = member(committee, "chair", "puheenjohtaja", facts.chair(), members);
    String viceChair =
        member(committee, "viceChair", "varapuheenjohtaja", facts.viceChair(), members);
    if (chair.equals(viceChair)) {
      throw Reforms.invalid(
          "Puheenjohtaja ja varapuheenjohtaja ovat eri henkilöt (" + committee + ").");
    }
    repository.elect(
        reformId,
        new ReformView.ElectionView(
            committee,
            term,
            termStarts,
            termEnds,
            facts.electedOn(),
            String.join("\n", members),
            facts.deputies(),
            women,
            men,
            deputyWomen,
            deputyMen,
            chair,
            viceChair,
            exception.isEmpty() ? null : exception,
            null,
            null),
        OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS));
  }

  /**
   * A body's delegation decision (kuntalaki 91 §): only once the body has been elected and
   * constituted, so the constitutive meeting is not before the election nor before the body's term
   * starts, and the decision not before that meeting; neither in the future.
   */
  @Transactional
  public void recordDelegation(
      long reformId, String committee, int term, LocalDate constitutedOn, LocalDate decidedOn) {
    ReformRow reform = repository.require(reformId);
    reform.requireEnforceable();
    LocalDate electedOn =
        repository
            .electedOn(reformId, committee, term)
            .orElseThrow(
                () ->
                    DomainException.legalDate(
                        "Toimielintä "
                            + committee
                            + " ei ole valittu: se ei voi tehdä delegointipäätöstä."));
    // kuntalaki 90–91 §: a body delegates only the powers the new administrative regulation gives
    // it, within its own term: it meets and decides once its term has started (review R2)
    decisions.actDone("constitutedOn", constitutedOn, electedOn, "toimielimen valintaa");
    LocalDate termStarts = termStarts(reform, term);
    if (termStarts != null && termStarts.isAfter(electedOn)) {
      decisions.actDone("constitutedOn", constitutedOn, termStarts, "toimikauden alkua");
    }
    decisions.actDone("delegationDate", decidedOn, constitutedOn, "toimielimen järjestäytymistä");
    repository.delegated(reformId, committee, term, constitutedOn, decidedOn);
  }

  /** The first day of a term: the reform's effective date, or the day after the interim term. */
  private static LocalDate termStarts(ReformRow reform, int term) {
    return term == 1 ? reform.effectiveDate() : reform.interimTermEnds().plusDays(1);
  }

  private static void balanced(String committee, String among, int women, int men) {
    int total = women + men;
    if (total == 0) {
      throw Reforms.invalid("Toimielimen " + committee + " " + among + " puuttuu luku.");
    }
    if (!GenderBalance.balanced(women, men)) {
      throw new DomainException(
          Kind.INVALID,
          "gender-balance",
          "Toimielimen "
              + committee
              + " "
              + among
              + " ei täytä tasa-arvolain 4 a §:n vaatimusta: naisia "
              + women
              + ", miehiä "
              + men
              + "; kumpaakin on oltava vähintään "
              + GenderBalance.MIN_SHARE_PERCENT
              + " %, ellei erityistä syytä kirjata (balanceExceptionReason).");
    }
  }

  private static String member(
      String committee, String variable, String label, String name, List<String> members) {
    String person = name == null ? "" : name.strip();
    if (person.isEmpty()) {
      throw Reforms.invalid(
          "Kirjaa toimielimen " + committee + " " + label + " (" + variable + ").");
    }
    if (!members.contains(person)) {
      throw Reforms.invalid(
          "Toimielimen "
              + committee
              + " "
              + label
              + " "
              + person
              + " valitaan jäsenten joukosta ("
              + variable
              + ").");
    }
    return person;
  }

  private static int count(String variable, Integer value) {
    if (value == null || value < 0) {
      throw Reforms.invalid("Anna " + variable + " (0 tai enemmän).");
    }
    return value;
  }
}
