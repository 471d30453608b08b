package com.bookedbarber.command.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.bookedbarber.command.CommandServiceConfiguration;
import com.bookedbarber.command.CommandServiceTestApp;
import com.bookedbarber.testing.ApiClient;
import com.bookedbarber.testing.ApiClient.Result;
import com.bookedbarber.testing.TestDatabase;
import com.bookedbarber.testing.TestKafka;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Account enumeration through registration: the contract answers a taken e-mail with 409
 * {@code email_taken}, so each attempt tells whether an address has an account. What bounds it is
 * the auth rate limit per client address: past it, every probe gets the same 429, taken or not.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class EnumerationIT {
    private static final int LIMIT = 5;

    static final TestDatabase DB = TestDatabase.createMigratedForJvm();
    static final TestKafka KAFKA = TestKafka.shared();
    static final DropwizardAppExtension<CommandServiceConfiguration> APP = CommandServiceTestApp.extension(DB, KAFKA,
            ConfigOverride.config("rateLimits.groups.auth.requests", String.valueOf(LIMIT)));

    @Test
    void registrationProbesBeyondTheAuthLimitLearnNothing() {
        ApiClient api = new ApiClient("http://127.0.0.1:" + APP.getLocalPort());
        String taken = "taken-" + UUID.randomUUID() + "@example.com";
        assertThat(api.post("/api/v2/auth/register", Map.of("email", taken, "password", "correct horse battery staple",
                "name", "Existing")).status()).isEqualTo(201);

        List<Result> probes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String email = i % 2 == 0 ? taken : "free-" + UUID.randomUUID() + "@example.com";
            probes.add(api.post("/api/v2/auth/register", Map.of("email", email,
                    "password", "correct horse battery staple", "name", "Probe")));
        }

        // the registration above used one attempt of the window: LIMIT - 1 probes were answered
        assertThat(probes.subList(0, LIMIT - 1)).extracting(Result::status).containsOnly(201, 409);
        assertThat(probes.subList(LIMIT - 1, probes.size())).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(429);
            assertThat(r.json().get("error").asText()).isEqualTo("rate_limited");
            assertThat(r.header("Retry-After")).isPresent();
        });
        // a refused probe created nothing
        assertThat(DB.count("SELECT count(*) FROM users WHERE email LIKE 'free-%'")).isEqualTo((LIMIT - 1) / 2);
    }
}
