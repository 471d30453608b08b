package com.bookedbarber.ops.bench;

import com.bookedbarber.ops.bench.LoadRunner.Outcome;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The calls of the benchmark's scenarios against one seeded shop, and the mixed profile made of
 * them: 70% reads (availability, the day's list, analytics) and 30% bookings.
 */
final class MixedProfile {
    static final String NAME = "mixed: 30% booking, 25% availability, 15% list, 30% analytics";

    private final BenchApi api;
    private final BenchData.Shop shop;
    private final BenchSession client;
    private final BenchSession owner;
    private final LocalDate firstDay = LocalDate.ofInstant(BenchData.BASE, ZoneOffset.UTC);

    MixedProfile(BenchApi api, BenchData.Shop shop, BenchSession client, BenchSession owner) {
        this.api = api;
        this.shop = shop;
        this.client = client;
        this.owner = owner;
    }

    /** One call of the mix, chosen at random with the shares above. */
    Outcome next() throws Exception {
        int dice = ThreadLocalRandom.current().nextInt(100);
        if (dice < 30) {
            return book();
        } else if (dice < 55) {
            return availability();
        } else if (dice < 70) {
            return list();
        }
        return dice < 85 ? analytics("daily-revenue", 89) : analytics("hourly-bookings", 6);
    }

    /** The next slot of the shop, booked as the client; a taken slot is a conflict. */
    Outcome book() throws Exception {
        BenchData.Slot slot = BenchData.nextSlot(shop);
        return api.book(shop, client.token(), slot.barber(), slot.start()) == null ? Outcome.CONFLICT : Outcome.OK;
    }

    Outcome availability() throws Exception {
        return api.availability(shop, client.token(), randomDay());
    }

    Outcome list() throws Exception {
        return api.appointmentList(shop, owner.token(), randomDay());
    }

    /** A report of {@code days + 1} days from the first booked day, as the owner. */
    Outcome analytics(String report, int days) throws Exception {
        return api.analytics(shop, owner.token(), report, firstDay, days);
    }

    private LocalDate randomDay() {
        return firstDay.plusDays(ThreadLocalRandom.current().nextInt(20));
    }
}
