package com.bookedbarber.command.core;

import java.util.Arrays;

/** A payment's lifecycle; refunds are only possible from completed or partially refunded. */
public enum PaymentStatus {
    PENDING, COMPLETED, FAILED, PARTIALLY_REFUNDED, REFUNDED, DISPUTED;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static PaymentStatus fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown payment status " + value));
    }

    public boolean refundable() {
        return this == COMPLETED || this == PARTIALLY_REFUNDED;
    }

    /** The status after refunds totalling {@code refundedCents} of {@code amountCents}. */
    public static PaymentStatus afterRefunds(long refundedCents, long amountCents) {
        return refundedCents >= amountCents ? REFUNDED : PARTIALLY_REFUNDED;
    }
}
