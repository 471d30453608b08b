package com.bookedbarber.command.core;

import java.time.ZoneId;
import java.util.UUID;

/** A shop: its wall clock (IANA zone), currency and booking rules. */
public record Location(
        UUID id,
        String name,
        String slug,
        ZoneId timezone,
        String currency,
        int minLeadMinutes,
        int maxAdvanceDays,
        int slotMinutes,
        int fullRefundHours,
        int lateRefundPercent) {
}
