package com.bookedbarber.command.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.bookedbarber.command.analytics.AnalyticsAccessDao.LocationAccess;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LocationAccessCacheTest {
    private final UUID location = UUID.randomUUID();
    private final UUID other = UUID.randomUUID();
    private final UUID user = UUID.randomUUID();
    private final Map<UUID, LocationAccess> roles = new HashMap<>();
    private final AtomicInteger loads = new AtomicInteger();
    private Runnable duringLoad = () -> { };
    private final LocationAccessCache cache = new LocationAccessCache((loc, caller) -> {
        loads.incrementAndGet();
        Optional<LocationAccess> found = Optional.ofNullable(roles.get(loc));
        duringLoad.run();
        return found;
    }, 100, Duration.ofMinutes(10));

    @Test
    void cachesOnlyWhileNotificationsAreHeard() {
        roles.put(location, access("manager"));
        cache.access(location, user);
        cache.access(location, user);
        assertThat(loads).hasValue(2);

        cache.connected(null);
        cache.access(location, user);
        cache.access(location, user);
        assertThat(loads).hasValue(3);

        cache.disconnected();
        roles.put(location, access("barber"));
        assertThat(cache.access(location, user)).contains(access("barber"));
        assertThat(loads).hasValue(4);
    }

    @Test
    void aNotificationDropsThatLocationOnly() {
        cache.connected(null);
        roles.put(location, access("manager"));
        roles.put(other, access("owner"));
        cache.access(location, user);
        cache.access(other, user);
        roles.put(location, access("barber"));
        cache.received(location.toString());
        assertThat(cache.access(location, user)).contains(access("barber"));
        assertThat(cache.access(other, user)).contains(access("owner"));
        assertThat(loads).hasValue(3);
    }

    @Test
    void aLoadThatRacedWithAChangeIsNotKept() {
        cache.connected(null);
        roles.put(location, access("manager"));
        // the change commits and is announced while the load is reading the old role
        duringLoad = () -> {
            roles.put(location, access("barber"));
            cache.received(location.toString());
        };
        assertThat(cache.access(location, user)).contains(access("manager"));
        duringLoad = () -> { };
        assertThat(cache.access(location, user)).contains(access("barber"));
    }

    @Test
    void noMembershipIsNeverCachedAndAnUnreadableNotificationDropsEverything() {
        cache.connected(null);
        cache.access(location, user);
        roles.put(location, access("owner"));
        assertThat(cache.access(location, user)).contains(access("owner"));
        roles.put(location, access("barber"));
        cache.received("not a location");
        assertThat(cache.access(location, user)).contains(access("barber"));
    }

    private static LocationAccess access(String role) {
        return new LocationAccess("Europe/Paris", "EUR", role);
    }
}
