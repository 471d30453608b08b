package com.bookedbarber.command.resources;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bookedbarber.command.CommandServiceConfiguration;
import com.bookedbarber.command.CommandServiceTestApp;
import com.bookedbarber.command.EventSchemas;
import com.bookedbarber.command.MfaSessions;
import com.bookedbarber.testing.ApiClient;
import com.bookedbarber.testing.ApiClient.Result;
import com.bookedbarber.testing.ShopFixture;
import com.bookedbarber.testing.TestDatabase;
import com.bookedbarber.testing.TestKafka;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Payments end to end against real PostgreSQL and a local HTTP server (WireMock) standing in for
 * Stripe: cash and card, commission, webhooks and their signatures, refunds under concurrency,
 * the cancellation policy, idempotent replays, and the circuit breaker (last: it opens).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PaymentsIT {
    static final WireMockServer STRIPE = started(new WireMockServer(wireMockConfig().dynamicPort()));
    static final TestDatabase DB = TestDatabase.createMigratedForJvm();
    static final TestKafka KAFKA = TestKafka.shared();
    static final DropwizardAppExtension<CommandServiceConfiguration> APP = CommandServiceTestApp.extension(DB, KAFKA,
            ConfigOverride.config("cardProvider.apiBase", "http://127.0.0.1:" + STRIPE.port()));
    static final ObjectMapper JSON = new ObjectMapper();
    static final String SECRET = "whsec_test_current";
    static final String PREVIOUS_SECRET = "whsec_test_previous";
    static final ZoneId ZONE = ZoneId.of("America/New_York");
    static final AtomicInteger SLOTS = new AtomicInteger();

    static ApiClient api;
    static ApiClient owner;
    static ApiClient ownerWithoutMfa;
    static ApiClient client;
    static ApiClient stranger;
    static ShopFixture shop;

    static WireMockServer started(WireMockServer server) {
        server.start();
        return server;
    }

    @BeforeAll
    static void shop() throws Exception {
        api = new ApiClient("http://127.0.0.1:" + APP.getLocalPort());
        shop = ShopFixture.create(DB.dataSource(), ZONE.getId(), 1, 30, 0, 10_000);
        try (Connection c = DB.connect(); Statement s = c.createStatement()) {
            s.execute("UPDATE location_members SET commission_rate = 0.30 WHERE location_id = '" + shop.locationId() + "'");
        }
        ApiClient.Session ownerSession = api.register("Payments Owner");
        shop.addMember(DB.dataSource(), ownerSession.userId(), "owner");
        ownerWithoutMfa = ownerSession.api();
        owner = MfaSessions.verified(api, ownerSession);
        client = api.register("Paying Client").api();
        stranger = api.register("Someone Else").api();
    }

    @AfterAll
    static void stopStripe() {
        STRIPE.stop();
    }

    @BeforeEach
    void freshProvider() {
        STRIPE.resetAll();
    }

    @Test
    @Order(1)
    void cashIsTakenByStaffAndCompletedAtOnceWithTheCommissionSplit() throws Exception {
        String appointment = book();
        Map<String, Object> body = Map.of("appointment_id", appointment, "method", "cash", "tip_cents", 500);
        assertThat(error(owner.post("/api/v2/payments", body), 400)).isEqualTo("idempotency_key_required");
        assertThat(error(client.post("/api/v2/payments", body, "Idempotency-Key", key()), 403)).isEqualTo("forbidden");
        assertThat(error(stranger.post("/api/v2/payments", body, "Idempotency-Key", key()), 404)).isEqualTo("not_found");

        String key = key();
        Result paid = owner.post("/api/v2/payments", body, "Idempotency-Key", key);
        assertThat(paid.status()).isEqualTo(201);
        JsonNode payment = paid.json();
        assertThat(payment.get("status").asText()).isEqualTo("completed");
        assertThat(payment.get("amount_cents").asLong()).isEqualTo(10_500);
        assertThat(payment.get("tip_cents").asLong()).isEqualTo(500);
        assertThat(payment.get("platform_fee_cents").asLong()).isEqualTo(3_000);
        assertThat(payment.get("barber_amount_cents").asLong()).isEqualTo(7_500);
        assertThat(payment.get("refunded_cents").asLong()).isZero();
        assertThat(payment.has("client_secret")).isFalse();

        Result replay = owner.post("/api/v2/payments", body, "Idempotency-Key", key);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.header("Idempotent-Replayed")).contains("true");
        assertThat(replay.body()).isEqualTo(paid.body());
        assertThat(error(owner.post("/api/v2/payments", body, "Idempotency-Key", key()), 409)).isEqualTo("already_paid");

        String id = payment.get("id").asText();
        assertThat(client.get("/api/v2/payments/" + id).status()).isEqualTo(200);
        assertThat(stranger.get("/api/v2/payments/" + id).status()).isEqualTo(404);
        List<JsonNode> events = events(id);
        assertThat(events).extracting(e -> e.get("event_type").asText()).containsExactly("PaymentCompleted");
        assertThat(events.get(0).get("aggregate_version").asInt()).isEqualTo(1);
        assertThat(EventSchemas.violations(events.get(0))).isEmpty();
    }

    @Test
    @Order(2)
    void cardIsPendingUntilTheSignedWebhookAndRedeliveriesChangeNothing() throws Exception {
        String appointment = book();
        String intent = "pi_" + UUID.randomUUID().toString().replace("-", "");
        STRIPE.stubFor(post(urlEqualTo("/v1/payment_intents")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"" + intent + "\",\"object\":\"payment_intent\",\"client_secret\":\"" + intent
                        + "_secret_x\",\"status\":\"requires_payment_method\",\"amount\":10000,\"currency\":\"usd\"}")));
        Result created = client.post("/api/v2/payments", Map.of("appointment_id", appointment, "method", "card"),
                "Idempotency-Key", key());
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("status").asText()).isEqualTo("pending");
        assertThat(created.json().get("client_secret").asText()).isEqualTo(intent + "_secret_x");
        String id = created.json().get("id").asText();
        STRIPE.verify(postRequestedFor(urlEqualTo("/v1/payment_intents"))
                .withHeader("Idempotency-Key", equalTo("payment-" + id))
                .withRequestBody(matching(".*amount=10000.*")));
        assertThat(client.get("/api/v2/payments/" + id).json().has("client_secret")).isFalse();

        String event = "{\"id\":\"evt_" + UUID.randomUUID() + "\",\"type\":\"payment_intent.succeeded\","
                + "\"created\":" + Instant.now().getEpochSecond() + ",\"data\":{\"object\":{\"id\":\"" + intent + "\","
                + "\"object\":\"payment_intent\",\"metadata\":{\"payment_id\":\"" + id + "\"}}}}";
        assertThat(webhook(event, null).status()).isEqualTo(400);
        assertThat(webhook(event, "t=" + Instant.now().getEpochSecond() + ",v1=" + "00".repeat(32)).status()).isEqualTo(400);
        assertThat(webhook(event, sign(event, SECRET, Instant.now().minusSeconds(400))).status()).isEqualTo(400);
        assertThat(webhook(event.replace("succeeded", "payment_failed"), sign(event, SECRET, Instant.now())).status())
                .as("signed over other bytes").isEqualTo(400);
        assertThat(client.get("/api/v2/payments/" + id).json().get("status").asText()).isEqualTo("pending");

        Result applied = webhook(event, sign(event, SECRET, Instant.now()));
        assertThat(applied.status()).isEqualTo(200);
        assertThat(webhook(event, sign(event, SECRET, Instant.now())).status()).isEqualTo(200);
        // a failure arriving after the success changes nothing either
        String lateFailure = event.replace("payment_intent.succeeded", "payment_intent.payment_failed")
                .replace("\"evt_", "\"evt_late_");
        assertThat(webhook(lateFailure, sign(lateFailure, PREVIOUS_SECRET, Instant.now())).status())
                .as("a secret being rotated out still verifies").isEqualTo(200);
        JsonNode payment = client.get("/api/v2/payments/" + id).json();
        assertThat(payment.get("status").asText()).isEqualTo("completed");
        assertThat(payment.get("completed_at").isNull()).isFalse();
        List<JsonNode> events = events(id);
        assertThat(events).extracting(e -> e.get("event_type").asText()).containsExactly("PaymentCompleted");
        assertThat(events.get(0).get("aggregate_version").asInt()).isEqualTo(2);
        assertThat(EventSchemas.violations(events.get(0))).isEmpty();

        String unknown = "{\"id\":\"evt_" + UUID.randomUUID() + "\",\"type\":\"customer.created\",\"data\":{}}";
        assertThat(webhook(unknown, sign(unknown, SECRET, Instant.now())).status()).isEqualTo(200);
    }

    @Test
    @Order(3)
    void refundsNeedAnMfaOwnerStayWithinTheRemainderEvenWhenConcurrent() throws Exception {
        String paymentId = cashPayment(book());
        Map<String, Object> refund = Map.of("amount_cents", 1_000, "reason", "uneven fade");
        assertThat(error(ownerWithoutMfa.post("/api/v2/payments/" + paymentId + "/refunds", refund,
                "Idempotency-Key", key()), 401)).isEqualTo("mfa_required");
        assertThat(client.post("/api/v2/payments/" + paymentId + "/refunds", refund, "Idempotency-Key", key()).status())
                .isIn(401, 404);

        String key = key();
        Result first = owner.post("/api/v2/payments/" + paymentId + "/refunds", refund, "Idempotency-Key", key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().get("status").asText()).isEqualTo("succeeded");
        Result replay = owner.post("/api/v2/payments/" + paymentId + "/refunds", refund, "Idempotency-Key", key);
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(owner.get("/api/v2/payments/" + paymentId).json().get("refunded_cents").asLong()).isEqualTo(1_000);

        // 9,000 left: eight concurrent refunds of 2,000 -> exactly four succeed
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(() -> owner.post("/api/v2/payments/" + paymentId + "/refunds", Map.of("amount_cents", 2_000),
                    "Idempotency-Key", key()).status());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(calls)) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(4);
        assertThat(statuses).filteredOn(s -> s == 422).hasSize(4);
        JsonNode payment = owner.get("/api/v2/payments/" + paymentId).json();
        assertThat(payment.get("refunded_cents").asLong()).isEqualTo(9_000);
        assertThat(payment.get("status").asText()).isEqualTo("partially_refunded");
        assertThat(error(owner.post("/api/v2/payments/" + paymentId + "/refunds", Map.of("amount_cents", 1_001),
                "Idempotency-Key", key()), 422)).isEqualTo("refund_exceeds_payment");
        Result last = owner.post("/api/v2/payments/" + paymentId + "/refunds", Map.of("amount_cents", 1_000),
                "Idempotency-Key", key());
        assertThat(last.status()).isEqualTo(201);
        assertThat(owner.get("/api/v2/payments/" + paymentId).json().get("status").asText()).isEqualTo("refunded");

        List<JsonNode> events = events(paymentId);
        assertThat(events).extracting(e -> e.get("aggregate_version").asInt()).containsExactly(1, 2, 3, 4, 5, 6, 7);
        JsonNode lastEvent = events.get(6);
        assertThat(lastEvent.get("event_type").asText()).isEqualTo("PaymentRefunded");
        assertThat(lastEvent.get("data").get("refunded_total_cents").asLong()).isEqualTo(10_000);
        events.forEach(e -> assertThat(EventSchemas.violations(e)).isEmpty());
    }

    @Test
    @Order(4)
    void cardRefundsGoThroughTheProviderWithTheRefundIdAsIdempotencyKey() throws Exception {
        String paymentId = completedCardPayment(book());
        STRIPE.stubFor(post(urlEqualTo("/v1/refunds")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"re_1\",\"object\":\"refund\",\"status\":\"succeeded\",\"amount\":2500}")));
        Result refund = owner.post("/api/v2/payments/" + paymentId + "/refunds", Map.of("amount_cents", 2_500),
                "Idempotency-Key", key());
        assertThat(refund.status()).isEqualTo(201);
        assertThat(refund.json().get("status").asText()).isEqualTo("succeeded");
        STRIPE.verify(postRequestedFor(urlEqualTo("/v1/refunds"))
                .withHeader("Idempotency-Key", equalTo("refund-" + refund.json().get("id").asText())));
        // the provider's charge.refunded for the same refund does not count it again
        String charge = "{\"id\":\"evt_" + UUID.randomUUID() + "\",\"type\":\"charge.refunded\",\"data\":{\"object\":"
                + "{\"id\":\"ch_1\",\"object\":\"charge\",\"payment_intent\":\"" + intentOf(paymentId)
                + "\",\"amount_refunded\":2500}}}";
        assertThat(webhook(charge, sign(charge, SECRET, Instant.now())).status()).isEqualTo(200);
        assertThat(owner.get("/api/v2/payments/" + paymentId).json().get("refunded_cents").asLong()).isEqualTo(2_500);
        // a refund made in the provider's dashboard (total now 4,000) is recorded as one more refund
        String dashboard = charge.replace("\"evt_", "\"evt_dash_").replace("2500", "4000");
        assertThat(webhook(dashboard, sign(dashboard, SECRET, Instant.now())).status()).isEqualTo(200);
        assertThat(owner.get("/api/v2/payments/" + paymentId).json().get("refunded_cents").asLong()).isEqualTo(4_000);
    }

    @Test
    @Order(4)
    void aRefundWebhookBeforeThePaymentsSuccessIsRefusedUntilTheSuccessArrives() throws Exception {
        String intent = "pi_" + UUID.randomUUID().toString().replace("-", "");
        STRIPE.stubFor(post(urlEqualTo("/v1/payment_intents")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"" + intent + "\",\"object\":\"payment_intent\",\"client_secret\":\"s\"}")));
        String id = client.post("/api/v2/payments", Map.of("appointment_id", book(), "method", "card"),
                "Idempotency-Key", key()).json().get("id").asText();
        String refunded = "{\"id\":\"evt_" + UUID.randomUUID() + "\",\"type\":\"charge.refunded\",\"data\":{\"object\":"
                + "{\"object\":\"charge\",\"payment_intent\":\"" + intent + "\",\"amount_refunded\":1000}}}";
        Result early = webhook(refunded, sign(refunded, SECRET, Instant.now()));
        assertThat(error(early, 503)).isEqualTo("out_of_order");
        String succeeded = "{\"id\":\"evt_" + UUID.randomUUID() + "\",\"type\":\"payment_intent.succeeded\","
                + "\"data\":{\"object\":{\"id\":\"" + intent + "\",\"object\":\"payment_intent\"}}}";
        assertThat(webhook(succeeded, sign(succeeded, SECRET, Instant.now())).status()).isEqualTo(200);
        // the provider's redelivery of the refund now applies, once
        assertThat(webhook(refunded, sign(refunded, SECRET, Instant.now())).status()).isEqualTo(200);
        assertThat(webhook(refunded, sign(refunded, SECRET, Instant.now())).status()).isEqualTo(200);
        JsonNode payment = client.get("/api/v2/payments/" + id).json();
        assertThat(payment.get("status").asText()).isEqualTo("partially_refunded");
        assertThat(payment.get("refunded_cents").asLong()).isEqualTo(1_000);
        assertThat(events(id)).extracting(e -> e.get("event_type").asText())
                .containsExactly("PaymentCompleted", "PaymentRefunded");
    }

    @Test
    @Order(5)
    void cancellingAPaidAppointmentEarlyRefundsItThroughTheSamePath() throws Exception {
        String appointment = book();
        String paymentId = cashPayment(appointment);
        Result cancelled = client.post("/api/v2/appointments/" + appointment + "/cancel", Map.of("reason", "ill"));
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asText()).isEqualTo("cancelled");
        JsonNode refund = cancelled.json().get("refund");
        assertThat(refund.get("amount_cents").asLong()).isEqualTo(10_000);
        assertThat(refund.get("status").asText()).isEqualTo("succeeded");
        assertThat(owner.get("/api/v2/payments/" + paymentId).json().get("status").asText()).isEqualTo("refunded");
        assertThat(error(owner.post("/api/v2/payments", Map.of("appointment_id", appointment, "method", "cash"),
                "Idempotency-Key", key()), 409)).isEqualTo("appointment_not_payable");
    }

    @Test
    @Order(6)
    void paymentsAreListedPerLocationForStaffWithACursor() {
        Result page = owner.get("/api/v2/payments?location_id=" + shop.locationId() + "&limit=2");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().get("items")).hasSize(2);
        String cursor = page.json().get("next_cursor").asText();
        List<String> ids = new ArrayList<>();
        page.json().get("items").forEach(i -> ids.add(i.get("id").asText()));
        Result next = owner.get("/api/v2/payments?location_id=" + shop.locationId() + "&limit=50&cursor=" + cursor);
        next.json().get("items").forEach(i -> ids.add(i.get("id").asText()));
        assertThat(ids).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(4);
        assertThat(stranger.get("/api/v2/payments?location_id=" + shop.locationId()).status()).isEqualTo(404);
        assertThat(client.get("/api/v2/payments").json().get("items").size()).isGreaterThanOrEqualTo(4);
        assertThat(stranger.get("/api/v2/payments").json().get("items")).isEmpty();
    }

    @Test
    @Order(7)
    void aFailingProviderOpensTheBreakerThenCardsAnswer503AtOnceAndCashStillWorks() {
        String appointment = book();
        Map<String, Object> card = Map.of("appointment_id", appointment, "method", "card");
        STRIPE.stubFor(post(urlEqualTo("/v1/payment_intents")).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"type\":\"api_error\",\"message\":\"boom\"}}")));
        Result failed = client.post("/api/v2/payments", card, "Idempotency-Key", key());
        assertThat(error(failed, 503)).isEqualTo("card_provider_unavailable");
        assertThat(failed.header("Retry-After")).isPresent();
        // three attempts: the first and two retries, each with the same idempotency key
        assertThat(STRIPE.findAll(postRequestedFor(urlEqualTo("/v1/payment_intents")))).hasSize(3)
                .extracting(r -> r.getHeader("Idempotency-Key")).containsOnly(
                        STRIPE.findAll(postRequestedFor(urlEqualTo("/v1/payment_intents"))).get(0)
                                .getHeader("Idempotency-Key"));
        // a failed payment does not block the next attempt; the breaker has seen enough failures now
        assertThat(client.post("/api/v2/payments", card, "Idempotency-Key", key()).status()).isEqualTo(503);
        int calls = STRIPE.findAll(postRequestedFor(urlEqualTo("/v1/payment_intents"))).size();
        long began = System.nanoTime();
        Result fast = client.post("/api/v2/payments", card, "Idempotency-Key", key());
        assertThat(error(fast, 503)).isEqualTo("card_provider_unavailable");
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofMillis(500));
        assertThat(STRIPE.findAll(postRequestedFor(urlEqualTo("/v1/payment_intents")))).hasSize(calls);
        assertThat(cardProviderHealthy()).isFalse();

        String cash = owner.post("/api/v2/payments", Map.of("appointment_id", book(), "method", "cash"),
                "Idempotency-Key", key()).json().get("status").asText();
        assertThat(cash).isEqualTo("completed");

        // the provider recovers: after the open period a probe goes through and closes the breaker
        STRIPE.resetAll();
        STRIPE.stubFor(post(urlEqualTo("/v1/payment_intents")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"pi_recovered\",\"object\":\"payment_intent\",\"client_secret\":\"s\"}")));
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() ->
                client.post("/api/v2/payments", card, "Idempotency-Key", key()).status() == 201);
        assertThat(cardProviderHealthy()).isTrue();
    }

    @Test
    @Order(8)
    void aSlowProviderTimesOutInsteadOfHoldingTheRequest() {
        STRIPE.stubFor(post(urlEqualTo("/v1/payment_intents")).willReturn(aResponse().withStatus(200)
                .withFixedDelay(3_000).withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"pi_slow\",\"object\":\"payment_intent\",\"client_secret\":\"s\"}")));
        long began = System.nanoTime();
        Result slow = client.post("/api/v2/payments", Map.of("appointment_id", book(), "method", "card"),
                "Idempotency-Key", key());
        assertThat(error(slow, 503)).isEqualTo("card_provider_unavailable");
        // 3 attempts of at most ~1 s each plus backoff, never the provider's 3 s x 3
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofMillis(5_500));
    }

    @Test
    @Order(9)
    void aSlowProviderUnderLoadFailsFastAndLeavesCashAndReadsUnaffected() throws Exception {
        STRIPE.stubFor(post(urlEqualTo("/v1/payment_intents")).willReturn(aResponse().withStatus(200)
                .withFixedDelay(3_000).withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"pi_slow\",\"object\":\"payment_intent\",\"client_secret\":\"s\"}")));
        int cardClients = 40;
        List<String> appointments = new ArrayList<>();
        for (int i = 0; i < cardClients + 30; i++) {
            appointments.add(bookAt(LocalDate.now(ZONE).plusDays(26 + i / 24).atTime(11, 0).plusMinutes(30L * (i % 24))));
        }
        ExecutorService pool = Executors.newFixedThreadPool(cardClients);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Result>> cards = new ArrayList<>();
        long began = System.nanoTime();
        for (int i = 0; i < cardClients; i++) {
            String appointment = appointments.get(i);
            cards.add(pool.submit(() -> {
                go.await();
                return client.post("/api/v2/payments", Map.of("appointment_id", appointment, "method", "card"),
                        "Idempotency-Key", key());
            }));
        }
        go.countDown();
        // meanwhile the desk takes cash and everyone reads, as fast as ever
        List<Long> deskMillis = new ArrayList<>();
        for (int i = cardClients; i < appointments.size(); i++) {
            long t = System.nanoTime();
            String payment = cashPayment(appointments.get(i));
            assertThat(client.get("/api/v2/appointments/" + appointments.get(i)).status()).isEqualTo(200);
            assertThat(owner.get("/api/v2/payments/" + payment).status()).isEqualTo(200);
            deskMillis.add(Duration.ofNanos(System.nanoTime() - t).toMillis());
        }
        for (var card : cards) {
            Result answer = card.get(30, TimeUnit.SECONDS);
            assertThat(error(answer, 503)).isEqualTo("card_provider_unavailable");
        }
        pool.shutdown();
        Duration burst = Duration.ofNanos(System.nanoTime() - began);

        assertThat(deskMillis).allSatisfy(ms -> assertThat(ms).isLessThan(1_000));
        // forty card payments against a provider taking 3 s each: the breaker and the bulkhead ended
        // them within a few attempt timeouts, and far fewer than 40 x 3 attempts ever reached it
        assertThat(burst).isLessThan(Duration.ofSeconds(12));
        assertThat(STRIPE.findAll(postRequestedFor(urlEqualTo("/v1/payment_intents"))).size())
                .isLessThanOrEqualTo(APP.getConfiguration().getCardProvider().getMaxConcurrentCalls() * 3);
        assertThat(DB.count("SELECT count(*) FROM payments WHERE method = 'cash' AND status = 'completed' "
                + "AND appointment_id IN ('" + String.join("','", appointments.subList(cardClients, appointments.size()))
                + "')")).isEqualTo(appointments.size() - cardClients);
    }

    // --- helpers

    /** A new confirmed appointment of the client at the given local time. */
    static String bookAt(LocalDateTime local) {
        Result booked = client.post("/api/v2/appointments", Map.of("location_id", shop.locationId().toString(),
                "service_id", shop.serviceId().toString(), "barber_id", shop.barberIds().get(0).toString(),
                "start", local.atZone(ZONE).toOffsetDateTime().toString()));
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        return booked.json().get("id").asText();
    }

    /** A new confirmed appointment of the client at 10:00 local on a distinct future day. */
    static String book() {
        LocalDate date = LocalDate.now(ZONE).plusDays(2 + SLOTS.getAndIncrement());
        Result booked = client.post("/api/v2/appointments", Map.of("location_id", shop.locationId().toString(),
                "service_id", shop.serviceId().toString(), "barber_id", shop.barberIds().get(0).toString(),
                "start", date.atTime(10, 0).atZone(ZONE).toOffsetDateTime().toString()));
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        return booked.json().get("id").asText();
    }

    static String cashPayment(String appointment) {
        Result paid = owner.post("/api/v2/payments", Map.of("appointment_id", appointment, "method", "cash"),
                "Idempotency-Key", key());
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        return paid.json().get("id").asText();
    }

    static String completedCardPayment(String appointment) throws Exception {
        String intent = "pi_" + UUID.randomUUID().toString().replace("-", "");
        STRIPE.stubFor(post(urlEqualTo("/v1/payment_intents")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"" + intent + "\",\"object\":\"payment_intent\",\"client_secret\":\"s\"}")));
        String id = client.post("/api/v2/payments", Map.of("appointment_id", appointment, "method", "card"),
                "Idempotency-Key", key()).json().get("id").asText();
        String event = "{\"id\":\"evt_" + UUID.randomUUID() + "\",\"type\":\"payment_intent.succeeded\","
                + "\"data\":{\"object\":{\"id\":\"" + intent + "\",\"object\":\"payment_intent\"}}}";
        assertThat(webhook(event, sign(event, SECRET, Instant.now())).status()).isEqualTo(200);
        assertThat(client.get("/api/v2/payments/" + id).json().get("status").asText()).isEqualTo("completed");
        return id;
    }

    static String intentOf(String paymentId) throws Exception {
        try (Connection c = DB.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT provider_intent_id FROM payments WHERE id = '" + paymentId + "'")) {
            rs.next();
            return rs.getString(1);
        }
    }

    static Result webhook(String body, String signature) {
        return signature == null ? api.postRaw("/api/v2/webhooks/stripe", "application/json", body)
                : api.postRaw("/api/v2/webhooks/stripe", "application/json", body, "Stripe-Signature", signature);
    }

    /** Stripe's scheme: t=<unix seconds>,v1=hex(HMAC-SHA256(secret, "t.body")). */
    static String sign(String body, String secret, Instant at) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String t = String.valueOf(at.getEpochSecond());
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    static boolean cardProviderHealthy() {
        return APP.getEnvironment().healthChecks().runHealthCheck("card-provider").isHealthy();
    }

    static String error(Result result, int status) {
        assertThat(result.status()).as(result.body()).isEqualTo(status);
        return result.json().get("error").asText();
    }

    static String key() {
        return UUID.randomUUID().toString();
    }

    static List<JsonNode> events(String aggregateId) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        try (Connection c = DB.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT envelope FROM outbox WHERE aggregate_id = '" + aggregateId
                     + "' ORDER BY aggregate_version")) {
            while (rs.next()) {
                events.add(JSON.readTree(rs.getString(1)));
            }
        }
        return events;
    }
}
