package com.bookedbarber.command.auth;

import com.bookedbarber.command.core.DomainException;
import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Argon2id (password4j), PHC-encoded so parameters can be raised later without breaking stored
 * hashes. Unknown accounts are checked against a dummy hash, so login costs the same either way.
 * Hashing is the one CPU- and memory-heavy step of the API: at most {@code maxConcurrent} run at
 * once (the core count by default), so a burst of logins costs bounded memory (that many times
 * the Argon2 memory) and cannot starve bookings of CPU; a caller waiting longer than two seconds
 * for a turn gets 503 with Retry-After.
 */
public final class PasswordHasher {
    private static final long MAX_WAIT_MILLIS = 2_000;
    private final Argon2Function argon2;
    /** Computed in the background at start-up (Argon2 takes a moment); the first unknown-account login waits for it. */
    private final CompletableFuture<String> dummyHash;
    private final Semaphore turns;

    /** OWASP's minimum for Argon2id is 19 MiB, 2 iterations, parallelism 1. */
    public PasswordHasher(int memoryKib, int iterations) {
        this(memoryKib, iterations, Runtime.getRuntime().availableProcessors());
    }

    public PasswordHasher(int memoryKib, int iterations, int maxConcurrent) {
        this(memoryKib, iterations, new Semaphore(maxConcurrent, true));
    }

    PasswordHasher(int memoryKib, int iterations, Semaphore turns) {
        this.argon2 = Argon2Function.getInstance(memoryKib, iterations, 1, 32, Argon2.ID);
        this.turns = turns;
        this.dummyHash = CompletableFuture.supplyAsync(() -> hash("not-a-real-password-" + System.nanoTime()));
    }

    public String hash(String password) {
        return inTurn(() -> Password.hash(password).addRandomSalt(16).with(argon2).getResult());
    }

    /** Whether the password matches; a null hash (no password set) is checked against the dummy. */
    public boolean verify(String password, String hash) {
        if (hash == null) {
            String dummy = dummyHash.join();
            inTurn(() -> Password.check(password, dummy).with(argon2));
            return false;
        }
        return inTurn(() -> Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash)));
    }

    private <T> T inTurn(Supplier<T> work) {
        try {
            if (!turns.tryAcquire(MAX_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                throw DomainException.unavailable("busy", "Too many sign-ins at once; retry shortly", 1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DomainException.unavailable("busy", "Interrupted while waiting to check the password", 1);
        }
        try {
            return work.get();
        } finally {
            turns.release();
        }
    }
}
