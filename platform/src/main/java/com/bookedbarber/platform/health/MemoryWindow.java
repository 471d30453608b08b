package com.bookedbarber.platform.health;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * A bounded window of memory samples and the growth rate they show. Growth compares the mean of
 * the oldest quarter of the window with the mean of the newest quarter, scaled to one hour, so a
 * single spike (a GC that has not run yet) does not read as a leak. Pure; not thread-safe.
 */
public final class MemoryWindow {
    /** One sample: when, and bytes resident (RSS) and heap used. */
    public record Sample(Instant at, long rssBytes, long heapBytes) {
    }

    private final int capacity;
    private final Deque<Sample> samples = new ArrayDeque<>();

    public MemoryWindow(int capacity) {
        if (capacity < 8) {
            throw new IllegalArgumentException("a window needs at least 8 samples");
        }
        this.capacity = capacity;
    }

    public void add(Sample sample) {
        samples.addLast(sample);
        while (samples.size() > capacity) {
            samples.removeFirst();
        }
    }

    public Optional<Sample> latest() {
        return Optional.ofNullable(samples.peekLast());
    }

    /** RSS growth in percent per hour; empty until the window is full and spans {@code minSpan}. */
    public Optional<Double> rssGrowthPercentPerHour(Duration minSpan) {
        if (samples.size() < capacity) {
            return Optional.empty();
        }
        List<Sample> all = List.copyOf(samples);
        int quarter = all.size() / 4;
        List<Sample> first = all.subList(0, quarter);
        List<Sample> last = all.subList(all.size() - quarter, all.size());
        Duration span = Duration.between(first.get(quarter / 2).at(), last.get(quarter / 2).at());
        if (span.compareTo(minSpan) < 0 || span.isZero()) {
            return Optional.empty();
        }
        double before = first.stream().mapToLong(Sample::rssBytes).average().orElseThrow();
        double after = last.stream().mapToLong(Sample::rssBytes).average().orElseThrow();
        double perHour = (after - before) / before * 100 * (3_600_000.0 / span.toMillis());
        return Optional.of(perHour);
    }
}
