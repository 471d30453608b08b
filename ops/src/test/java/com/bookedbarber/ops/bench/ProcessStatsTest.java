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

    /** What the machine's cores did covers what this process did on them; the rest is "other". */
    @Test
    void theMachinesBusyTimeIncludesThisProcesssOwn() {
        ProcessStats.Snapshot before = ProcessStats.take();
        // 400 ms of this thread's own CPU, however busy the machine is
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long spinUntil = threads.getCurrentThreadCpuTime() + 400_000_000L;
        long sum = 0;
        while (threads.getCurrentThreadCpuTime() < spinUntil) {
            sum += Long.toString(sum).hashCode();
        }
        ProcessStats.Snapshot after = ProcessStats.take();

        ProcessStats.MachineMillis machine = after.machine().since(before.machine());
        // /proc counts clock ticks of 10 ms (USER_HZ 100)
        long ownMillis = (after.ticks().get("load generator") - before.ticks().get("load generator")) * 10;
        assertThat(ownMillis).isGreaterThanOrEqualTo(300);
        // within a tenth: /proc/stat samples each core's state at its ticks, /proc/<pid>/stat
        // charges a thread's exact run time (one run: 640 against 670 ms), and they are read a moment apart
        assertThat(machine.busy()).isGreaterThanOrEqualTo(ownMillis * 9 / 10);
        ProcessStats.Usage usage = ProcessStats.between(before, after);
        assertThat(usage.cpuMsPerSecond()).containsKeys("other", "steal");
        assertThat(usage.cpuMsPerSecond().get("other")).isNotNegative();
        assertThat(usage.cpuMsPerSecond().get("steal")).isNotNegative();
        assertThat(sum).isNotZero();
    }
}
