package com.bookedbarber.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.bookedbarber.command.auth.Totp;
import com.bookedbarber.testing.ApiClient;
import java.time.Instant;
import java.util.Map;

/** Turns a registered user's session into an MFA-verified one, the way a user does it. */
public final class MfaSessions {
    private MfaSessions() {
    }

    /** Enables TOTP for the user, logs in again and passes the second factor; returns that client. */
    public static ApiClient verified(ApiClient anonymous, ApiClient.Session session) {
        ApiClient.Result setup = session.api().post("/api/v2/auth/mfa/setup", Map.of());
        byte[] secret = Totp.fromBase32(setup.json().get("secret").asText());
        assertThat(session.api().post("/api/v2/auth/mfa/enable", Map.of("code", Totp.code(secret, Instant.now())))
                .status()).isEqualTo(200);
        ApiClient.Result login = anonymous.post("/api/v2/auth/login",
                Map.of("email", session.email(), "password", "correct horse battery staple"));
        ApiClient.Result verified = anonymous.post("/api/v2/auth/mfa/verify",
                Map.of("mfa_token", login.json().get("mfa_token").asText(),
                        "code", Totp.code(secret, Instant.now().plusSeconds(30))));
        assertThat(verified.status()).isEqualTo(200);
        return anonymous.withBearer(verified.json().get("access_token").asText());
    }
}
