package com.bookedbarber.command.core;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Time-ordered (version 7) UUIDs and unguessable values, from a CSPRNG of each thread's own.
 * <p>
 * Ids are version 7 (RFC 9562): the Unix time in milliseconds, then 74 random bits. They key
 * B-tree indexes (appointments, outbox events, the projection's memory of both), where a random
 * (version 4) id puts each insert on a random leaf page; after a checkpoint begins, the first
 * change to each page writes all 8 kB of it to the WAL again. Under booking load, the 10 s after a
 * checkpoint wrote 12,380 such page images and 97 MB of WAL with version 4 ids, 3,855 and 46 MB
 * with these (ops/PERFORMANCE.md, "Random ids and the checkpoint's full-page images"). The time they carry is
 * no secret (every resource has its created_at); what must be unguessable is drawn apart from
 * them (confirmation codes from {@link #random()}, refresh tokens in {@code TokenHashes}).
 * <p>
 * The JDK's {@code UUID.randomUUID()} and a shared {@code new SecureRandom()} both draw from
 * NativePRNG, whose every call reads /dev/urandom and mixes under one JVM-wide lock: a booking took
 * it four times (with its request id), and a JFR recording under booking load counted 1,191 waits
 * of 10 ms or more on it in 40 s. Each request thread here has its own DRBG (NIST SP 800-90A,
 * seeded from the system's entropy once per thread), so no request waits on another for it.
 */
public final class Ids {
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(Ids::newDrbg);

    private Ids() {
    }

    /** A new time-ordered UUID (version 7, IETF variant) for this instant. */
    public static UUID newId() {
        return newId(System.currentTimeMillis());
    }

    /** A new version 7 UUID for {@code unixMillis}: 48 bits of time, the version, 74 random bits, the variant. */
    static UUID newId(long unixMillis) {
        SecureRandom random = RANDOM.get();
        long high = (unixMillis << 16) | 0x7000L | (random.nextInt() & 0x0FFFL);
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
