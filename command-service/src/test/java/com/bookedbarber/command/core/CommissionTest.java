package com.bookedbarber.command.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CommissionTest {
    @ParameterizedTest(name = "{0} of {1} + tip {2} -> fee {3}, barber {4}")
    @CsvSource({
            "0.30, 10000, 0, 3000, 7000",
            "0.25, 8000, 0, 2000, 6000",
            // 499.95 rounds to 500
            "0.15, 3333, 0, 500, 2833",
            "0, 5000, 0, 0, 5000",
            // 0.2 of a cent is no cent
            "0.20, 1, 0, 0, 1",
            // half-even: 0.5 goes to the even neighbour, down from 0.5 and up from 1.5
            "0.25, 2, 0, 0, 2",
            "0.25, 6, 0, 2, 4",
            // the tip goes to the barber whole: no commission on it
            "0.20, 3000, 500, 600, 2900",
            "1, 3000, 250, 3000, 250"})
    void splitsThePriceAtTheBarbersRateHalfEven(String rate, long price, long tip, long fee, long barber) {
        Commission split = Commission.of(price, tip, new BigDecimal(rate));
        assertThat(split.platformFeeCents()).isEqualTo(fee);
        assertThat(split.barberAmountCents()).isEqualTo(barber);
        assertThat(split.amountCents()).isEqualTo(price + tip).isEqualTo(fee + barber);
    }

    @Test
    void refusesRatesOutsideZeroToOneAndNegativeMoney() {
        assertThatThrownBy(() -> Commission.of(100, 0, new BigDecimal("1.01"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Commission.of(100, 0, new BigDecimal("-0.1"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Commission.of(100, -1, BigDecimal.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
