package com.bookedbarber.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessStatsTest {
    /** This test's own JVM is the "load generator" role; its compilers have worked by now. */
    @Test
    void readsTheCpuOfAProcesssJitCompilerThreads() {
        long before = ProcessStats.compilerCpuMillis("load generator");
        long sum = 0;
        for (int i = 0; i < 5_000_000; i++) {
            sum += Integer.toString(i).hashCode(); // hot enough to keep C2 busy for a while
        }
        long after = ProcessStats.compilerCpuMillis("load generator");

        assertThat(before).isPositive();
        assertThat(after).isGreaterThanOrEqualTo(before);
        assertThat(sum).isNotZero();
    }
}
