package com.bookedbarber.platform.kafka;

import com.codahale.metrics.health.HealthCheck;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/** Healthy when the cluster answers a metadata request within the timeout. */
public final class KafkaHealthCheck extends HealthCheck {
    private final Admin admin;
    private final Duration timeout;

    public KafkaHealthCheck(Admin admin, Duration timeout) {
        this.admin = admin;
        this.timeout = timeout;
    }

    @Override
    protected Result check() throws Exception {
        var nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                .nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return nodes.isEmpty() ? Result.unhealthy("no broker available") : Result.healthy("%d broker(s)", nodes.size());
    }
}
