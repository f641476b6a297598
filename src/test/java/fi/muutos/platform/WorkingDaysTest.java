package fi.muutos.platform;

import static org.assertj.core.api.Assertions.assertThat;

import de.focus_shift.jollyday.core.HolidayCalendar;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Finnish holidays 2024–2030 and the moving of a period's end (laki 150/1930). */
class WorkingDaysTest {

  final WorkingDays calendar =
      new WorkingDays(HolidayCalendar.FINLAND, Clock.system(ZoneId.of("Europe/Helsinki")));

  @ParameterizedTest
  @ValueSource(
      strings = {
        // New Year, Epiphany, May Day, Independence Day, Christmas Eve, Christmas, St Stephen's
        "2024-01-01",
        "2025-01-06",
        "2026-05-01",
        "2027-12-06",
        "2028-12-24",
        "2029-12-25",
        "2030-12-26",
        // Good Friday and Easter Monday (Easter: 2024-03-31 ... 2030-04-21)
        "2024-03-29",
        "2024-04-01",
        "2025-04-18",
        "2025-04-21",
        "2026-04-03",
        "2026-04-06",
        "2027-03-26",
        "2027-03-29",
        "2028-04-14",
        "2028-04-17",
        "2029-03-30",
        "2029-04-02",
        "2030-04-19",
        "2030-04-22",
        // Ascension Day
        "2024-05-09",
        "2025-05-29",
        "2026-05-14",
        "2027-05-06",
        "2028-05-25",
        "2029-05-10",
        "2030-05-30",
        // Midsummer Eve (Friday 19–25 June)
        "2024-06-21",
        "2025-06-20",
        "2026-06-19",
        "2027-06-25",
        "2028-06-23",
        "2029-06-22",
        "2030-06-21"
      })
  void publicHolidaysAreNotWorkingDays(String day) {
    assertThat(calendar.isWorkingDay(LocalDate.parse(day))).as(day).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2024-03-28",
        "2025-04-22",
        "2026-06-18",
        "2027-12-07",
        "2030-05-31",
        "2028-12-27"
      })
  void ordinaryWeekdaysAreWorkingDays(String day) {
    assertThat(calendar.isWorkingDay(LocalDate.parse(day))).as(day).isTrue();
  }

  @Test
  void weekendsAreNotWorkingDays() {
    assertThat(calendar.isWorkingDay(LocalDate.parse("2026-11-28"))).isFalse(); // Saturday
    assertThat(calendar.isWorkingDay(LocalDate.parse("2026-11-29"))).isFalse(); // Sunday
  }

  @Test
  void aPeriodEndingOnAHolidayEndsOnTheNextWorkingDay() {
    // 30 days from 2026-03-04 is Good Friday 2026-04-03: Easter weekend and Monday follow
    assertThat(calendar.periodEnd(LocalDate.parse("2026-03-04"), 30))
        .isEqualTo(LocalDate.parse("2026-04-07"));
    // 14 days from 2025-12-10 is Christmas Eve: Christmas, St Stephen's, the weekend follow
    assertThat(calendar.periodEnd(LocalDate.parse("2025-12-10"), 14))
        .isEqualTo(LocalDate.parse("2025-12-29"));
    // Midsummer Eve 2027 (Friday 25 June) and the weekend
    assertThat(calendar.periodEnd(LocalDate.parse("2027-05-26"), 30))
        .isEqualTo(LocalDate.parse("2027-06-28"));
  }

  @Test
  void aPeriodEndingOnAWorkingDayStays() {
    assertThat(calendar.periodEnd(LocalDate.parse("2026-11-02"), 30))
        .isEqualTo(LocalDate.parse("2026-12-02"));
  }

  @Test
  void anAppealPeriodStartsSevenDaysAfterTheNotice() {
    // published Mon 4 May 2026: received 11 May, 30 days → Wed 10 June
    assertThat(calendar.appealPeriodEnd(LocalDate.parse("2026-05-04")))
        .isEqualTo(LocalDate.parse("2026-06-10"));
    // published 7 Nov 2025: received 14 Nov, 30 days → Sun 14 Dec → Mon 15 Dec
    assertThat(calendar.appealPeriodEnd(LocalDate.parse("2025-11-07")))
        .isEqualTo(LocalDate.parse("2025-12-15"));
  }

  @Test
  void aPeriodIsOverAtMidnightAfterItsLastDay() {
    assertThat(calendar.endOf(LocalDate.parse("2026-12-02"))).hasToString("2026-12-03T00:00+02:00");
  }
}
