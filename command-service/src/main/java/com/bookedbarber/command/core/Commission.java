package com.bookedbarber.command.core;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How a payment splits: the platform keeps the barber's commission rate of the service price,
 * rounded half-even to the cent; the barber gets the rest, and the tip whole.
 */
public record Commission(long amountCents, long tipCents, long platformFeeCents, long barberAmountCents) {

    public static Commission of(long priceCents, long tipCents, BigDecimal rate) {
        if (priceCents < 0 || tipCents < 0) {
            throw new IllegalArgumentException("negative money");
        }
        if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("commission rate outside [0, 1]: " + rate);
        }
        long fee = rate.multiply(BigDecimal.valueOf(priceCents)).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
        long amount = Math.addExact(priceCents, tipCents);
        return new Commission(amount, tipCents, fee, amount - fee);
    }
}
