package com.bookedbarber.projection.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Compares a read model with the same figures recomputed from the primary tables. Pure. */
public final class Reconciliation {
    private Reconciliation() {
    }

    /**
     * The differing keys, each as "key: expected [..] projected [..]"; empty when they agree.
     * A key missing on one side counts as all zeros there.
     */
    public static List<String> differences(String model, Map<String, List<Long>> expected,
                                           Map<String, List<Long>> projected) {
        List<String> differences = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>(expected.keySet());
        keys.addAll(projected.keySet());
        List<Long> zeros = List.of(0L, 0L, 0L, 0L);
        for (String key : keys) {
            List<Long> want = expected.getOrDefault(key, zeros);
            List<Long> have = projected.getOrDefault(key, zeros);
            if (!want.equals(have)) {
                differences.add(model + " " + key + ": expected " + want + ", projected " + have);
            }
        }
        return differences;
    }
}
