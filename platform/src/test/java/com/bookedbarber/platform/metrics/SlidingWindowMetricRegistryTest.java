package com.bookedbarber.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.ExponentiallyDecayingReservoir;
import com.codahale.metrics.Histogram;
import com.codahale.metrics.Timer;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SlidingWindowMetricRegistryTest {
    private final SlidingWindowMetricRegistry registry = new SlidingWindowMetricRegistry();

    @Test
    void aTimerDescribesExactlyItsLastWindowOfValues() {
        Timer timer = registry.timer("requests");
        record(timer, SlidingWindowMetricRegistry.WINDOW, 1);
        record(timer, SlidingWindowMetricRegistry.WINDOW, 9);

        // a decaying reservoir would still hold many of the first values
        assertThat(timer.getSnapshot().getMin()).isEqualTo(TimeUnit.MILLISECONDS.toNanos(9));
        assertThat(timer.getSnapshot().size()).isEqualTo(SlidingWindowMetricRegistry.WINDOW);
        assertThat(timer.getCount()).isEqualTo(2L * SlidingWindowMetricRegistry.WINDOW);
    }

    @Test
    void aSupplierAskingForTheDecayingReservoirGetsTheWindowToo() {
        Timer timer = registry.timer("jersey", () -> new Timer(new ExponentiallyDecayingReservoir()));
        record(timer, SlidingWindowMetricRegistry.WINDOW, 1);
        record(timer, SlidingWindowMetricRegistry.WINDOW, 9);

        assertThat(timer.getSnapshot().getMin()).isEqualTo(TimeUnit.MILLISECONDS.toNanos(9));
        assertThat(registry.timer("jersey")).isSameAs(timer);
    }

    @Test
    void histogramsSlideToo() {
        Histogram histogram = registry.histogram("sizes", () -> new Histogram(new ExponentiallyDecayingReservoir()));
        for (int i = 0; i < 2 * SlidingWindowMetricRegistry.WINDOW; i++) {
            histogram.update(i);
        }
        assertThat(histogram.getSnapshot().getMin()).isEqualTo(SlidingWindowMetricRegistry.WINDOW);
        assertThat(registry.histogram("sizes")).isSameAs(histogram);
    }

    private static void record(Timer timer, int times, long millis) {
        for (int i = 0; i < times; i++) {
            timer.update(millis, TimeUnit.MILLISECONDS);
        }
    }
}
