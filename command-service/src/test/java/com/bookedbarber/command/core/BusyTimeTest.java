package com.bookedbarber.command.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BusyTimeTest {
    private static final UUID BARBER = UUID.randomUUID();
    private static final Instant DAY = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void halfOpenIntervalsTouchingASlotDoNotOverlapIt() {
        BusyTime busy = new BusyTime(List.of(busy(60, 90), busy(120, 150)));

        assertThat(busy.overlaps(at(90), at(120))).isFalse();
        assertThat(busy.overlaps(at(30), at(60))).isFalse();
        assertThat(busy.overlaps(at(89), at(120))).isTrue();
        assertThat(busy.overlaps(at(90), at(121))).isTrue();
        assertThat(busy.overlaps(at(150), at(180))).isFalse();
    }

    @Test
    void aLongIntervalStartingEarlyCoversSlotsAfterShorterOnes() {
        // time off 08:00-18:00 with an appointment 09:00-09:30 inside it: a slot at 12:00 starts
        // after the latest interval's start but is still covered by the time off
        BusyTime busy = new BusyTime(List.of(busy(540, 570), busy(480, 1080)));

        assertThat(busy.overlaps(at(720), at(750))).isTrue();
        assertThat(busy.overlaps(at(1080), at(1110))).isFalse();
    }

    @Test
    void nothingOverlapsAnEmptyDay() {
        assertThat(new BusyTime(List.of()).overlaps(at(0), at(1440))).isFalse();
    }

    @Test
    void answersAsAScanOfEveryIntervalWould() {
        Random random = new Random(42);
        for (int round = 0; round < 2_000; round++) {
            List<Interval> intervals = new ArrayList<>();
            for (int i = random.nextInt(12); i > 0; i--) {
                int start = random.nextInt(1440);
                intervals.add(busy(start, start + 1 + random.nextInt(240)));
            }
            BusyTime busy = new BusyTime(intervals);
            int start = random.nextInt(1440);
            int end = start + 1 + random.nextInt(120);

            assertThat(busy.overlaps(at(start), at(end)))
                    .as("%s against [%d, %d)", intervals, start, end)
                    .isEqualTo(intervals.stream().anyMatch(b -> b.overlaps(at(start), at(end))));
        }
    }

    private static Interval busy(int fromMinute, int toMinute) {
        return new Interval(BARBER, at(fromMinute), at(toMinute));
    }

    private static Instant at(int minute) {
        return DAY.plusSeconds(60L * minute);
    }
}
