package fi.muutos.platform;

import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The calendar of statutory periods (laki säädettyjen määräaikain laskemisesta 150/1930): a period
 * that ends on a Saturday, a Sunday or a public holiday (Easter-based holidays, May Day, Midsummer
 * Eve and Day, All Saints' Day, Independence Day, Christmas Eve ...) ends on the next working day.
 * Holidays come from Jollyday; the country is {@code muutos.calendar.country}.
 */
@Component
public class WorkingDays {

  private final HolidayManager holidays;
  private final Clock clock;

  public WorkingDays(
      @Value("${muutos.calendar.country:FINLAND}") HolidayCalendar country, Clock clock) {
    this.holidays = HolidayManager.getInstance(ManagerParameters.create(country));
    this.clock = clock;
  }

  public boolean isWorkingDay(LocalDate day) {
    return day.getDayOfWeek() != DayOfWeek.SATURDAY
        && day.getDayOfWeek() != DayOfWeek.SUNDAY
        && !holidays.isHoliday(day);
  }

  /** The day itself if it is a working day, else the next working day. */
  public LocalDate onOrAfter(LocalDate day) {
    LocalDate result = day;
    while (!isWorkingDay(result)) {
      result = result.plusDays(1);
    }
    return result;
  }

  /**
   * The last day of a period of {@code days} days counted from {@code start} (the start day not
   * counted, as the law has it), moved to the next working day when needed.
   */
  public LocalDate periodEnd(LocalDate start, int days) {
    return onOrAfter(start.plusDays(days));
  }

  /** A public notice is deemed received on the 7th day after publication (kuntalaki 140 §). */
  public static final int NOTICE_RECEIVED_AFTER_DAYS = 7;

  /** The appeal period of a municipal decision (kuntalaki 138 §, alueidenkäyttölaki 188 §). */
  public static final int APPEAL_DAYS = 30;

  /**
   * The last day of the appeal period of a decision whose notice was published on {@code
   * published}: deemed received 7 days later, then 30 days, moved to a working day.
   */
  public LocalDate appealPeriodEnd(LocalDate published) {
    return periodEnd(published.plusDays(NOTICE_RECEIVED_AFTER_DAYS), APPEAL_DAYS);
  }

  /** The moment a period ending on {@code lastDay} is over: midnight after it, local time. */
  public OffsetDateTime endOf(LocalDate lastDay) {
    return lastDay.plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime();
  }
}
