package com.bookedbarber.command.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CancellationRefundTest {
    // full refund up to 24 h before the start, else 25%
    static final Location SHOP = new Location(UUID.randomUUID(), "Shop", "shop", ZoneId.of("Europe/Berlin"), "EUR",
            0, 30, 30, 24, 25);
    static final Instant START = Instant.parse("2026-12-10T15:00:00Z");

    static Payment paid(long amount, long refunded) {
        return new Payment(UUID.randomUUID(), UUID.randomUUID(), SHOP.id(), UUID.randomUUID(), null, UUID.randomUUID(),
                "cash", refunded == 0 ? PaymentStatus.COMPLETED : PaymentStatus.PARTIALLY_REFUNDED, amount, 0, "EUR",
                amount / 5, amount - amount / 5, refunded, null, 1, START, START, START);
    }

    @Test
    void earlyEnoughGivesBackTheWholeRemainder() {
        assertThat(CancellationRefund.amountCents(SHOP, START, START.minus(Duration.ofHours(24)), paid(3000, 0)))
                .isEqualTo(3000);
        assertThat(CancellationRefund.amountCents(SHOP, START, START.minus(Duration.ofDays(3)), paid(3000, 1000)))
                .isEqualTo(2000);
    }

    @Test
    void lateGivesTheLatePercentHalfEvenCappedAtTheRemainder() {
        Instant late = START.minus(Duration.ofHours(24)).plusSeconds(1);
        assertThat(CancellationRefund.amountCents(SHOP, START, late, paid(3000, 0))).isEqualTo(750);
        // 25% of 1002 = 250.5 -> 250 (even)
        assertThat(CancellationRefund.amountCents(SHOP, START, late, paid(1002, 0))).isEqualTo(250);
        assertThat(CancellationRefund.amountCents(SHOP, START, late, paid(3000, 2900))).isEqualTo(100);
    }
}
