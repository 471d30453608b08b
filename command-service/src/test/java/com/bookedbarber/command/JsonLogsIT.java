package com.bookedbarber.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bookedbarber.testing.ApiClient;
import com.bookedbarber.testing.ShopFixture;
import com.bookedbarber.testing.TestDatabase;
import com.bookedbarber.testing.TestKafka;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** With the JSON layout, a line logged while serving a request carries its request, user and location ids. */
@ExtendWith(DropwizardExtensionsSupport.class)
class JsonLogsIT {
    static final Path LOG = tempFile();
    static final TestDatabase DB = TestDatabase.createMigratedForJvm();
    static final TestKafka KAFKA = TestKafka.shared();
    static final DropwizardAppExtension<CommandServiceConfiguration> APP = CommandServiceTestApp.extension(
            TestConfigs.withSection("logging", "logging:\n  level: WARN\n  loggers:\n    com.bookedbarber: INFO\n"
                    + "  appenders:\n    - type: file\n      currentLogFilename: " + LOG + "\n      archive: false\n"
                    + "      layout:\n        type: json\n        flattenMdc: true"), DB, KAFKA);
    static final ObjectMapper JSON = new ObjectMapper();
    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    static Path tempFile() {
        try {
            Path file = Files.createTempFile("command-service-", ".json.log");
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aPaymentIsLoggedAsJsonWithTheRequestTheCallerAndTheLocation() throws Exception {
        ApiClient api = new ApiClient("http://127.0.0.1:" + APP.getLocalPort());
        ShopFixture shop = ShopFixture.create(DB.dataSource(), ZONE.getId(), 1, 30, 0, 4_000);
        ApiClient.Session ownerSession = api.register("Logged Owner");
        shop.addMember(DB.dataSource(), ownerSession.userId(), "owner");
        ApiClient owner = MfaSessions.verified(api, ownerSession);
        ApiClient client = api.register("Logged Client").api();
        String start = LocalDate.now(ZONE).plusDays(3).atTime(11, 0).atZone(ZONE).toOffsetDateTime().toString();
        String appointment = client.post("/api/v2/appointments", Map.of("location_id", shop.locationId().toString(),
                "service_id", shop.serviceId().toString(), "barber_id", shop.barberIds().get(0).toString(),
                "start", start)).json().get("id").asText();
        String requestId = "json-log-" + UUID.randomUUID();

        ApiClient.Result paid = owner.post("/api/v2/payments", Map.of("appointment_id", appointment, "method", "cash"),
                "Idempotency-Key", UUID.randomUUID().toString(), "X-Request-Id", requestId);
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);

        JsonNode line = await().atMost(Duration.ofSeconds(10)).until(() -> find(requestId), Optional::isPresent).get();
        assertThat(line.get("level").asText()).isEqualTo("INFO");
        assertThat(line.get("logger").asText()).endsWith("PaymentResource");
        assertThat(line.get("message").asText()).contains(paid.json().get("id").asText()).contains("cash");
        assertThat(line.get("user_id").asText()).isEqualTo(ownerSession.userId().toString());
        assertThat(line.get("location_id").asText()).isEqualTo(shop.locationId().toString());
        // the whole file is one JSON object per line
        for (String raw : Files.readAllLines(LOG)) {
            assertThat(JSON.readTree(raw).isObject()).as(raw).isTrue();
        }
    }

    static Optional<JsonNode> find(String requestId) throws IOException {
        List<String> lines = Files.readAllLines(LOG);
        for (String raw : lines) {
            JsonNode node = JSON.readTree(raw);
            if (requestId.equals(node.path("request_id").asText())) {
                return Optional.of(node);
            }
        }
        return Optional.empty();
    }
}
