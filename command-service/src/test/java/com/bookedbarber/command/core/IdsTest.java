package com.bookedbarber.command.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class IdsTest {
    @Test
    void idsAreVersionFourUuidsOfTheIetfVariant() {
        for (int i = 0; i < 1_000; i++) {
            UUID id = Ids.newId();
            assertThat(id.version()).isEqualTo(4);
            assertThat(id.variant()).isEqualTo(2);
            // and survive the text round trip every API and event carries them in
            assertThat(UUID.fromString(id.toString())).isEqualTo(id);
        }
    }

    @Test
    void threadsDrawIndependentIds() {
        Set<UUID> seen = ConcurrentHashMap.newKeySet();
        IntStream.range(0, 8).parallel().forEach(t -> {
            for (int i = 0; i < 10_000; i++) {
                assertThat(seen.add(Ids.newId())).isTrue();
            }
        });
        assertThat(seen).hasSize(80_000);
    }

    @Test
    void eachThreadHasItsOwnGenerator() throws Exception {
        SecureRandom here = Ids.random();
        SecureRandom[] there = new SecureRandom[1];
        Thread other = new Thread(() -> there[0] = Ids.random());
        other.start();
        other.join();
        assertThat(Ids.random()).isSameAs(here);
        assertThat(there[0]).isNotSameAs(here);
        assertThat(here.getAlgorithm()).isEqualTo("DRBG");
    }
}
