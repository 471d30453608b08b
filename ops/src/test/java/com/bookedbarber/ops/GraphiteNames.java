package com.bookedbarber.ops;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.Histogram;
import com.codahale.metrics.Meter;
import com.codahale.metrics.Metric;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The series names Dropwizard's Graphite reporter sends for a registry (without its prefix), and
 * Graphite's path globs ({@code *}, {@code {a,b}}) as regular expressions, so a dashboard can be
 * checked against a running service.
 */
final class GraphiteNames {
    private static final List<String> METERED = List.of("count", "m1_rate", "m5_rate", "m15_rate", "mean_rate");
    private static final List<String> SAMPLED = List.of("max", "mean", "min", "stddev", "p50", "p75", "p95", "p98",
            "p99", "p999");

    private GraphiteNames() {
    }

    static Stream<String> reported(MetricRegistry registry) {
        return registry.getMetrics().entrySet().stream().flatMap(GraphiteNames::series);
    }

    private static Stream<String> series(Map.Entry<String, Metric> entry) {
        String name = entry.getKey();
        Metric metric = entry.getValue();
        if (metric instanceof Gauge<?>) {
            return Stream.of(name);
        }
        if (metric instanceof Counter) {
            return Stream.of(name + ".count");
        }
        if (metric instanceof Meter) {
            return METERED.stream().map(s -> name + "." + s);
        }
        if (metric instanceof Timer) {
            return Stream.concat(METERED.stream(), SAMPLED.stream()).map(s -> name + "." + s);
        }
        if (metric instanceof Histogram) {
            return Stream.concat(Stream.of("count"), SAMPLED.stream()).map(s -> name + "." + s);
        }
        return Stream.empty();
    }

    static Pattern glob(String path) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            switch (c) {
                case '*' -> regex.append("[^.]*");
                case '{' -> regex.append("(?:");
                case '}' -> regex.append(')');
                case ',' -> regex.append('|');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
