package com.bookedbarber.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LockFreeSlidingWindowReservoirTest {
    @Test
    void keepsTheLastValuesOnly() {
        LockFreeSlidingWindowReservoir reservoir = new LockFreeSlidingWindowReservoir(4);
        reservoir.update(1);
        reservoir.update(2);
        assertThat(reservoir.size()).isEqualTo(2);
        assertThat(reservoir.getSnapshot().getValues()).containsExactly(1, 2);

        for (long v = 3; v <= 9; v++) {
            reservoir.update(v);
        }
        assertThat(reservoir.size()).isEqualTo(4);
        assertThat(reservoir.getSnapshot().getValues()).containsExactly(6, 7, 8, 9);
    }

    @Test
    void concurrentUpdatesFillTheWindowWithTheirValues() throws Exception {
        LockFreeSlidingWindowReservoir reservoir = new LockFreeSlidingWindowReservoir(1028);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 1; t <= 8; t++) {
            long value = t * 1_000L;
            Thread thread = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                for (int i = 0; i < 10_000; i++) {
                    reservoir.update(value);
                }
            });
            thread.start();
            threads.add(thread);
        }
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(reservoir.size()).isEqualTo(1028);
        // every slot holds a value some thread wrote: none lost to a torn or skipped write
        assertThat(LongStream.of(reservoir.getSnapshot().getValues()).boxed().toList())
                .allSatisfy(v -> assertThat(v % 1_000).isZero())
                .allSatisfy(v -> assertThat(v).isBetween(1_000L, 8_000L));
    }
}
