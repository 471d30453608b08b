package com.bookedbarber.command.auth;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Argon2id (password4j), PHC-encoded so parameters can be raised later without breaking stored
 * hashes. Unknown accounts are checked against a dummy hash, so login costs the same either way.
 */
public final class PasswordHasher {
    private final Argon2Function argon2;
    private final String dummyHash;

    /** OWASP's minimum for Argon2id is 19 MiB, 2 iterations, parallelism 1. */
    public PasswordHasher(int memoryKib, int iterations) {
        this.argon2 = Argon2Function.getInstance(memoryKib, iterations, 1, 32, Argon2.ID);
        this.dummyHash = hash("not-a-real-password-" + System.nanoTime());
    }

    public String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(argon2).getResult();
    }

    /** Whether the password matches; a null hash (no password set) is checked against the dummy. */
    public boolean verify(String password, String hash) {
        if (hash == null) {
            Password.check(password, dummyHash).with(argon2);
            return false;
        }
        return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
    }
}
