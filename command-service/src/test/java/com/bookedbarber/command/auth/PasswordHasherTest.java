package com.bookedbarber.command.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bookedbarber.command.core.DomainException;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    @Test
    void verifiesWhatItHashedAndNothingElse() {
        PasswordHasher hasher = new PasswordHasher(8192, 1, 2);
        String hash = hasher.hash("correct horse battery");

        assertThat(hash).startsWith("$argon2id$");
        assertThat(hasher.verify("correct horse battery", hash)).isTrue();
        assertThat(hasher.verify("correct horse battery!", hash)).isFalse();
        assertThat(hasher.verify("anything", null)).isFalse();
    }

    @Test
    void whenEveryTurnIsTakenACallerGetsBusyInsteadOfQueueingForever() throws Exception {
        Semaphore turns = new Semaphore(1, true);
        PasswordHasher hasher = new PasswordHasher(8192, 1, turns);
        String hash = hasher.hash("correct horse battery");
        turns.acquire();
        try {
            assertThatThrownBy(() -> hasher.verify("correct horse battery", hash))
                    .isInstanceOfSatisfying(DomainException.class, e -> {
                        assertThat(e.kind()).isEqualTo(DomainException.Kind.UNAVAILABLE);
                        assertThat(e.code()).isEqualTo("busy");
                    });
        } finally {
            turns.release();
        }
        assertThat(hasher.verify("correct horse battery", hash)).isTrue();
        assertThat(turns.availablePermits()).isEqualTo(1);
    }
}
