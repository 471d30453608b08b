package com.bookedbarber.command.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.bookedbarber.command.CommandServiceConfiguration;
import com.bookedbarber.command.CommandServiceTestApp;
import com.bookedbarber.command.auth.Totp;
import com.bookedbarber.testing.ApiClient;
import com.bookedbarber.testing.ApiClient.Result;
import com.bookedbarber.testing.TestDatabase;
import com.bookedbarber.testing.TestKafka;
import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.SignedJWT;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
class MfaIT {
    static final TestDatabase DB = TestDatabase.createMigratedForJvm();
    static final TestKafka KAFKA = TestKafka.shared();
    static final DropwizardAppExtension<CommandServiceConfiguration> APP = CommandServiceTestApp.extension(DB, KAFKA);
    static final String PASSWORD = "correct horse battery staple";
    static ApiClient api;


    @BeforeAll
    static void client() {
        api = new ApiClient("http://127.0.0.1:" + APP.getLocalPort());
    }

    /** A user with MFA enabled: its e-mail, TOTP secret and backup codes. */
    record Enrolled(String email, byte[] secret, JsonNode backupCodes, ApiClient api) {
    }

    static Enrolled enroll(String name) {
        ApiClient.Session session = api.register(name);
        Result setup = session.api().post("/api/v2/auth/mfa/setup", Map.of());
        assertThat(setup.status()).isEqualTo(200);
        byte[] secret = Totp.fromBase32(setup.json().get("secret").asText());
        assertThat(setup.json().get("otpauth_uri").asText()).startsWith("otpauth://totp/BookedBarber");
        assertThat(setup.json().get("backup_codes")).hasSize(10);
        Result wrong = session.api().post("/api/v2/auth/mfa/enable", Map.of("code", "000000"));
        assertThat(wrong.status()).isEqualTo(422);
        Result enabled = session.api().post("/api/v2/auth/mfa/enable",
                Map.of("code", Totp.code(secret, Instant.now())));
        assertThat(enabled.status()).isEqualTo(200);
        return new Enrolled(session.email(), secret, setup.json().get("backup_codes"), session.api());
    }

    static String mfaToken(String email) {
        Result login = api.post("/api/v2/auth/login", Map.of("email", email, "password", PASSWORD));
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().get("mfa_required").asBoolean()).isTrue();
        assertThat(login.json().has("access_token")).isFalse();
        return login.json().get("mfa_token").asText();
    }

    @Test
    void loginWithMfaNeedsACodeAndYieldsAnOtpSession() throws Exception {
        Enrolled user = enroll("Mfa User");
        assertThat(user.api().get("/api/v2/auth/me").json().get("mfa_enabled").asBoolean()).isTrue();
        String mfaToken = mfaToken(user.email());
        // the challenge token is not an access token
        assertThat(api.withBearer(mfaToken).get("/api/v2/auth/me").status()).isEqualTo(401);

        // the code used to enable is spent: a later login needs a code of a later step
        Result replayed = api.post("/api/v2/auth/mfa/verify",
                Map.of("mfa_token", mfaToken, "code", Totp.code(user.secret(), Instant.now())));
        assertThat(replayed.status()).isEqualTo(401);
        assertThat(replayed.json().get("error").asText()).isEqualTo("invalid_mfa_code");

        Result verified = api.post("/api/v2/auth/mfa/verify",
                Map.of("mfa_token", mfaToken, "code", Totp.code(user.secret(), Instant.now().plusSeconds(30))));
        assertThat(verified.status()).isEqualTo(200);
        String access = verified.json().get("access_token").asText();
        assertThat(SignedJWT.parse(access).getJWTClaimsSet().getStringListClaim("amr")).contains("otp");
        assertThat(api.withBearer(access).get("/api/v2/auth/me").status()).isEqualTo(200);
    }

    @Test
    void backupCodesWorkOnce() {
        Enrolled user = enroll("Backup User");
        String code = user.backupCodes().get(3).asText();
        Result first = api.post("/api/v2/auth/mfa/verify", Map.of("mfa_token", mfaToken(user.email()), "code", code));
        assertThat(first.status()).isEqualTo(200);
        Result again = api.post("/api/v2/auth/mfa/verify", Map.of("mfa_token", mfaToken(user.email()), "code", code));
        assertThat(again.status()).isEqualTo(401);
    }

    @Test
    void fiveWrongCodesLockMfaEvenForTheRightCode() {
        Enrolled user = enroll("Locked User");
        String mfaToken = mfaToken(user.email());
        for (int i = 1; i <= 4; i++) {
            Result wrong = api.post("/api/v2/auth/mfa/verify", Map.of("mfa_token", mfaToken, "code", "12345" + i));
            assertThat(wrong.json().get("error").asText()).isEqualTo("invalid_mfa_code");
        }
        Result fifth = api.post("/api/v2/auth/mfa/verify", Map.of("mfa_token", mfaToken, "code", "999999"));
        assertThat(fifth.status()).isEqualTo(401);
        assertThat(fifth.json().get("error").asText()).isEqualTo("mfa_locked");
        Result right = api.post("/api/v2/auth/mfa/verify", Map.of("mfa_token", mfaToken,
                "code", Totp.code(user.secret(), Instant.now().plusSeconds(30))));
        assertThat(right.json().get("error").asText()).isEqualTo("mfa_locked");
        Result backup = api.post("/api/v2/auth/mfa/verify", Map.of("mfa_token", mfaToken,
                "code", user.backupCodes().get(0).asText()));
        assertThat(backup.json().get("error").asText()).isEqualTo("mfa_locked");
    }

    @Test
    void disablingNeedsThePasswordAndACode() {
        Enrolled user = enroll("Disabling User");
        assertThat(user.api().post("/api/v2/auth/mfa/disable", Map.of("password", "wrong password!", "code",
                Totp.code(user.secret(), Instant.now().plusSeconds(30)))).status()).isEqualTo(401);
        assertThat(user.api().post("/api/v2/auth/mfa/disable", Map.of("password", PASSWORD, "code",
                user.backupCodes().get(0).asText())).status()).isEqualTo(200);
        Result login = api.post("/api/v2/auth/login", Map.of("email", user.email(), "password", PASSWORD));
        assertThat(login.json().has("access_token")).isTrue();
    }
}
