package fi.muutos.zoning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Lead times count days between legal dates, each plan once. */
class ZoningLeadTimesTest {

  @Test
  void eachPlanCountsOnceBetweenItsFirstLegalDates() {
    // the first plan was displayed twice: its first display date counts, and it counts once
    var plans =
        Map.of(
            "KAAVA-1",
            Map.of(
                ZoningStage.ANNOUNCED, LocalDate.parse("2026-01-05"),
                ZoningStage.PROPOSAL, LocalDate.parse("2026-03-04"),
                ZoningStage.APPROVED, LocalDate.parse("2026-06-01")),
            "KAAVA-2",
            Map.of(
                ZoningStage.ANNOUNCED, LocalDate.parse("2026-02-01"),
                ZoningStage.PROPOSAL, LocalDate.parse("2026-02-11")),
            "KAAVA-3",
            Map.of(ZoningStage.ANNOUNCED, LocalDate.parse("2026-02-01")));

    var leadTimes = ZoningLeadTimes.of(plans);

    var toProposal = leadTimes.get(0);
    assertThat(toProposal.stage()).isEqualTo("Vireilletulosta ehdotukseen");
    assertThat(toProposal.plans()).isEqualTo(2);
    assertThat(toProposal.medianDays()).isEqualTo(34.0); // 58 and 10 days
    assertThat(toProposal.longestDays()).isEqualTo(58.0);
    var toApproval = leadTimes.get(1);
    assertThat(toApproval.plans()).isEqualTo(1);
    assertThat(toApproval.medianDays()).isEqualTo(89.0);
    var whole = leadTimes.get(leadTimes.size() - 1);
    assertThat(whole.plans()).isZero();
    assertThat(whole.medianDays()).isNull();
  }
}
