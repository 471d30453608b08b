package com.bookedbarber.command.core;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Random (version 4) UUIDs and unguessable values, from a CSPRNG of each thread's own. The JDK's
 * {@code UUID.randomUUID()} and a shared {@code new SecureRandom()} both draw from NativePRNG,
 * whose every call reads /dev/urandom and mixes under one JVM-wide lock: a booking took it four
 * times (with its request id), and a JFR recording under booking load counted 1,191 waits of
 * 10 ms or more on it in 40 s. Each request thread here has its own DRBG (NIST SP 800-90A,
 * seeded from the system's entropy once per thread), so no request waits on another for it.
 */
public final class Ids {
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(Ids::newDrbg);

    private Ids() {
    }

    /** A new random UUID (version 4, IETF variant), as {@code UUID.randomUUID()} makes. */
    public static UUID newId() {
        SecureRandom random = RANDOM.get();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & ~0xC000_0000_0000_0000L) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }

    /** This thread's CSPRNG, for secrets and codes. */
    public static SecureRandom random() {
        return RANDOM.get();
    }

    private static SecureRandom newDrbg() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK's DRBG is missing", e);
        }
    }
}
