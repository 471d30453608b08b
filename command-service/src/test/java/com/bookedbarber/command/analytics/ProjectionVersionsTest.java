package com.bookedbarber.command.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProjectionVersionsTest {
    private final UUID location = UUID.randomUUID();

    @Test
    void unknownUntilNotificationsAreHeardAndAgainOnceTheyAreNot() {
        ProjectionVersions versions = new ProjectionVersions();
        versions.received(location + " 3");
        assertThat(versions.current(location)).isEmpty();
        // the snapshot read after LISTEN is where it starts from
        versions.connectedWith(List.of(new ProjectionStateDao.ProjectionState(location, null, 4)));
        assertThat(versions.current(location)).hasValue(4);
        versions.disconnected();
        assertThat(versions.current(location)).isEmpty();
    }

    @Test
    void aLocationWithoutProjectionIsAtVersionZeroAndVersionsNeverMoveBack() {
        ProjectionVersions versions = heard(new ProjectionVersions());
        assertThat(versions.current(location)).isEqualTo(OptionalLong.of(0));
        versions.received(location + " 7");
        versions.received(location + " 5");
        versions.seen(location, 6);
        assertThat(versions.current(location)).hasValue(7);
        versions.seen(location, 9);
        assertThat(versions.current(location)).hasValue(9);
    }

    @Test
    void aMalformedNotificationChangesNothing() {
        ProjectionVersions versions = heard(new ProjectionVersions());
        versions.received(location + " 2");
        for (String payload : new String[] {"", "garbage", location.toString(), location + " x", "x 4", " 4"}) {
            versions.received(payload);
        }
        assertThat(versions.current(location)).hasValue(2);
    }

    /** As after a connection whose snapshot found no locations. */
    private static ProjectionVersions heard(ProjectionVersions versions) {
        versions.connectedWith(List.of());
        return versions;
    }
}
