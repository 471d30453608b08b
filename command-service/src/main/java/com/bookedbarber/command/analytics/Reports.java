package com.bookedbarber.command.analytics;

import com.bookedbarber.api.analytics.DailyRevenueView;
import com.bookedbarber.api.analytics.SummaryView;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Turns projection rows into the contract's reports: zero-filled days, totals, rates. Pure. */
final class Reports {
    private Reports() {
    }

    /** Every day of the range, in order; days without a row are zeros. */
    static List<DailyRevenueView.Day> zeroFilled(DateRange range, List<DailyRevenueView.Day> rows) {
        Map<LocalDate, DailyRevenueView.Day> byDate = rows.stream()
                .collect(Collectors.toMap(DailyRevenueView.Day::date, Function.identity()));
        List<DailyRevenueView.Day> days = new ArrayList<>();
        for (LocalDate d = range.from(); !d.isAfter(range.to()); d = d.plusDays(1)) {
            days.add(byDate.getOrDefault(d, new DailyRevenueView.Day(d, 0, 0, 0, 0, 0)));
        }
        return days;
    }

    static DailyRevenueView.Totals totals(List<DailyRevenueView.Day> days) {
        long gross = days.stream().mapToLong(DailyRevenueView.Day::grossCents).sum();
        long refunded = days.stream().mapToLong(DailyRevenueView.Day::refundedCents).sum();
        return new DailyRevenueView.Totals(gross, refunded, gross - refunded,
                days.stream().mapToLong(DailyRevenueView.Day::payments).sum(),
                days.stream().mapToLong(DailyRevenueView.Day::refunds).sum());
    }

    /** The period of the same length that ends the day before {@code range} starts. */
    static LocalDate previousFrom(DateRange range) {
        long days = range.to().toEpochDay() - range.from().toEpochDay() + 1;
        return range.from().minusDays(days);
    }

    static Double ratio(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    /** (current - previous) / previous, null when there is nothing to compare with. */
    static Double change(long current, long previous) {
        return previous == 0 ? null : (double) (current - previous) / Math.abs(previous);
    }

    /** The three hours of the day with the most appointments that were not cancelled; earlier hour first on ties. */
    static List<SummaryView.BusyHour> busiest(List<AnalyticsDao.HourTotals> hours) {
        return hours.stream().filter(h -> h.notCancelled() > 0)
                .sorted(Comparator.comparingLong(AnalyticsDao.HourTotals::notCancelled).reversed()
                        .thenComparingInt(AnalyticsDao.HourTotals::hour))
                .limit(3).map(h -> new SummaryView.BusyHour(h.hour(), h.notCancelled())).toList();
    }
}
