package com.bookedbarber.command.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.bookedbarber.command.CommandServiceConfiguration;
import com.bookedbarber.command.CommandServiceTestApp;
import com.bookedbarber.command.auth.AuthConfiguration;
import com.bookedbarber.command.auth.TokenService;
import com.bookedbarber.testing.ApiClient;
import com.bookedbarber.testing.ApiClient.Result;
import com.bookedbarber.testing.TestDatabase;
import com.bookedbarber.testing.TestKafka;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
class AuthIT {
    static final TestDatabase DB = TestDatabase.createMigratedForJvm();
    static final TestKafka KAFKA = TestKafka.shared();
    static final DropwizardAppExtension<CommandServiceConfiguration> APP = CommandServiceTestApp.extension(DB, KAFKA);
    static final String PASSWORD = "correct horse battery staple";
    static ApiClient api;


    @BeforeAll
    static void client() {
        api = new ApiClient("http://127.0.0.1:" + APP.getLocalPort());
    }

    @Test
    void registerLoginMeRefreshLogout() {
        String email = "Pat." + UUID.randomUUID() + "@Example.com";
        Result registered = api.post("/api/v2/auth/register", Map.of("email", email, "password", PASSWORD, "name", "Pat"));
        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.json().get("token_type").asText()).isEqualTo("Bearer");
        assertThat(registered.json().get("expires_in").asInt()).isEqualTo(900);

        // e-mail identity ignores letter case
        Result login = api.post("/api/v2/auth/login", Map.of("email", email.toLowerCase(), "password", PASSWORD));
        assertThat(login.status()).isEqualTo(200);
        ApiClient me = api.withBearer(login.json().get("access_token").asText());
        Result profile = me.get("/api/v2/auth/me");
        assertThat(profile.status()).isEqualTo(200);
        assertThat(profile.json().get("email").asText()).isEqualTo(email);
        assertThat(profile.json().get("mfa_enabled").asBoolean()).isFalse();
        assertThat(profile.json().get("memberships")).isEmpty();

        String refresh = login.json().get("refresh_token").asText();
        Result rotated = api.post("/api/v2/auth/refresh", Map.of("refresh_token", refresh));
        assertThat(rotated.status()).isEqualTo(200);
        assertThat(rotated.json().get("refresh_token").asText()).isNotEqualTo(refresh);
        ApiClient fresh = api.withBearer(rotated.json().get("access_token").asText());
        assertThat(fresh.get("/api/v2/auth/me").status()).isEqualTo(200);

        assertThat(fresh.post("/api/v2/auth/logout", Map.of()).status()).isEqualTo(204);
        // every token of the session stops at once: the old access token, the new one, the refresh
        assertThat(me.get("/api/v2/auth/me").status()).isEqualTo(401);
        assertThat(fresh.get("/api/v2/auth/me").status()).isEqualTo(401);
        assertThat(api.post("/api/v2/auth/refresh", Map.of("refresh_token", rotated.json().get("refresh_token").asText()))
                .json().get("error").asText()).isEqualTo("invalid_refresh_token");
        // another session of the same user is untouched
        assertThat(api.withBearer(registered.json().get("access_token").asText()).get("/api/v2/auth/me").status())
                .isEqualTo(200);
    }

    @Test
    void aRotatedRefreshTokenPresentedAgainRevokesTheSession() {
        ApiClient.Session session = api.register("Reuse Victim");
        Result first = api.post("/api/v2/auth/refresh", Map.of("refresh_token", session.refreshToken()));
        assertThat(first.status()).isEqualTo(200);
        Result replay = api.post("/api/v2/auth/refresh", Map.of("refresh_token", session.refreshToken()));
        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.json().get("error").asText()).isEqualTo("refresh_token_reused");
        // the thief's and the owner's tokens are all dead now
        assertThat(api.post("/api/v2/auth/refresh", Map.of("refresh_token", first.json().get("refresh_token").asText()))
                .status()).isEqualTo(401);
        assertThat(api.withBearer(first.json().get("access_token").asText()).get("/api/v2/auth/me").status())
                .isEqualTo(401);
        assertThat(session.api().get("/api/v2/auth/me").status()).isEqualTo(401);
    }

    @Test
    void registrationRules() {
        String email = "dup-" + UUID.randomUUID() + "@example.com";
        assertThat(api.post("/api/v2/auth/register", Map.of("email", email, "password", PASSWORD, "name", "A")).status())
                .isEqualTo(201);
        Result duplicate = api.post("/api/v2/auth/register",
                Map.of("email", email.toUpperCase(), "password", PASSWORD, "name", "B"));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().get("error").asText()).isEqualTo("email_taken");

        Result shortPassword = api.post("/api/v2/auth/register",
                Map.of("email", "x" + email, "password", "short", "name", "C"));
        assertThat(shortPassword.status()).isEqualTo(422);
        assertThat(shortPassword.json().get("errors").get(0).asText()).startsWith("password:");
        Result common = api.post("/api/v2/auth/register",
                Map.of("email", "y" + email, "password", "Password123", "name", "C"));
        assertThat(common.status()).isEqualTo(422);
        assertThat(common.json().get("errors").get(0).asText()).contains("too common");
        assertThat(api.post("/api/v2/auth/register",
                Map.of("email", "z" + email, "password", "p".repeat(40) + "ä€𝄞" + "q".repeat(21), "name", "D")).status())
                .isEqualTo(201);
        assertThat(api.post("/api/v2/auth/register",
                Map.of("email", "not-an-email", "password", PASSWORD, "name", "E")).status()).isEqualTo(422);
        assertThat(api.post("/api/v2/auth/register",
                Map.of("email", "n" + email, "password", PASSWORD, "name", "x".repeat(201))).status()).isEqualTo(422);
    }

    @Test
    void unknownEmailAndWrongPasswordLookTheSame() {
        ApiClient.Session session = api.register("Known User");
        Result wrongPassword = api.post("/api/v2/auth/login",
                Map.of("email", session.email(), "password", "wrong password!!"));
        Result unknown = api.post("/api/v2/auth/login",
                Map.of("email", "nobody-" + UUID.randomUUID() + "@example.com", "password", "wrong password!!"));
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(without(wrongPassword.body())).isEqualTo(without(unknown.body()));
        assertThat(wrongPassword.json().get("error").asText()).isEqualTo("invalid_credentials");
    }

    @Test
    void tamperedAndMisusedTokensAreRejected() throws Exception {
        ApiClient.Session session = api.register("Token Tester");
        UUID sid = UUID.randomUUID();
        byte[] realKey = Base64.getDecoder().decode("dGVzdC1zaWduaW5nLWtleS10aGF0LWlzLTMyLWJ5dGVzLWxvbmc=");
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(session.userId().toString()).claim("sid", sid.toString())
                .claim("amr", List.of("pwd")).issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(600)))
                .build();
        List<String> forged = List.of(
                new PlainJWT(new PlainHeader.Builder().type(new JOSEObjectType("at+jwt")).build(), claims).serialize(),
                sign(claims, new byte[32], "test-1", "at+jwt"),
                sign(claims, realKey, "test-1", "mfa+jwt"),
                sign(claims, realKey, "other-key", "at+jwt"),
                session.refreshToken(),
                "",
                "a.b.c");
        for (String token : forged) {
            assertThat(api.withBearer(token).get("/api/v2/auth/me").status()).as(token).isEqualTo(401);
        }
        // signed with the real key but for a session that does not exist
        assertThat(api.withBearer(sign(claims, realKey, "test-1", "at+jwt")).get("/api/v2/auth/me").status())
                .isEqualTo(401);
        // an expired token and one issued in the future, both from the service's own signer
        AuthConfiguration config = APP.getConfiguration().getAuth();
        String expired = new TokenService(config, Clock.fixed(Instant.now().minus(Duration.ofMinutes(20)), ZoneOffset.UTC))
                .issueAccess(session.userId(), sid, false);
        String future = new TokenService(config, Clock.fixed(Instant.now().plus(Duration.ofMinutes(5)), ZoneOffset.UTC))
                .issueAccess(session.userId(), sid, false);
        assertThat(api.withBearer(expired).get("/api/v2/auth/me").status()).isEqualTo(401);
        assertThat(api.withBearer(future).get("/api/v2/auth/me").status()).isEqualTo(401);
        // and the real one works
        assertThat(session.api().get("/api/v2/auth/me").status()).isEqualTo(200);
    }

    @Test
    void browserModeUsesHostCookiesAndRequiresTheCsrfToken() {
        ApiClient.Session session = api.register("Browser User");
        Result login = api.post("/api/v2/auth/login?session=cookie",
                Map.of("email", session.email(), "password", PASSWORD));
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().has("access_token")).isFalse();
        List<String> cookies = login.raw().headers().allValues("Set-Cookie");
        assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("__Host-bb_access=")
                .contains("HttpOnly").contains("Secure").contains("SameSite=Strict").contains("Path=/"));
        assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("__Host-bb_csrf=").doesNotContain("HttpOnly"));
        String cookieHeader = cookieHeader(login);
        String csrf = login.json().get("csrf_token").asText();

        ApiClient browser = new ApiClient("http://127.0.0.1:" + APP.getLocalPort(), "Cookie", cookieHeader);
        assertThat(browser.get("/api/v2/auth/me").status()).isEqualTo(200);
        Result noToken = browser.post("/api/v2/auth/logout", Map.of());
        assertThat(noToken.status()).isEqualTo(403);
        assertThat(noToken.json().get("error").asText()).isEqualTo("csrf_failed");
        assertThat(browser.post("/api/v2/auth/logout", Map.of(), "X-CSRF-Token", "forged").status()).isEqualTo(403);
        assertThat(browser.post("/api/v2/auth/logout", Map.of(), "X-CSRF-Token", csrf).status()).isEqualTo(204);
        assertThat(browser.get("/api/v2/auth/me").status()).isEqualTo(401);
    }

    @Test
    void signingInNeverAdoptsTheSessionABrowserAlreadyCarries() {
        ApiClient.Session attacker = api.register("Fixation Attacker");
        ApiClient.Session victim = api.register("Fixation Victim");
        Result attackerLogin = api.post("/api/v2/auth/login?session=cookie",
                Map.of("email", attacker.email(), "password", PASSWORD));
        String planted = cookieHeader(attackerLogin);

        // the victim's browser was made to carry the attacker's session cookies, and signs in
        String base = "http://127.0.0.1:" + APP.getLocalPort();
        Result victimLogin = new ApiClient(base, "Cookie", planted).post("/api/v2/auth/login?session=cookie",
                Map.of("email", victim.email(), "password", PASSWORD));
        assertThat(victimLogin.status()).isEqualTo(200);
        String issued = cookieHeader(victimLogin);

        assertThat(cookie(issued, "__Host-bb_access")).isNotEqualTo(cookie(planted, "__Host-bb_access"));
        assertThat(victimLogin.json().get("csrf_token").asText())
                .isNotEqualTo(attackerLogin.json().get("csrf_token").asText());
        // the planted cookies still name the attacker's session: signing in did not lift them to the victim
        assertThat(new ApiClient(base, "Cookie", planted).get("/api/v2/auth/me").json().get("email").asText())
                .isEqualTo(attacker.email());
        assertThat(new ApiClient(base, "Cookie", issued).get("/api/v2/auth/me").json().get("email").asText())
                .isEqualTo(victim.email());
    }

    /** The name=value pairs of a response's Set-Cookie headers, as a browser would send them back. */
    private static String cookieHeader(Result response) {
        return String.join("; ", response.raw().headers().allValues("Set-Cookie").stream()
                .map(c -> c.substring(0, c.indexOf(';'))).toList());
    }

    private static String cookie(String header, String name) {
        return java.util.Arrays.stream(header.split("; ")).filter(c -> c.startsWith(name + "=")).findFirst()
                .orElseThrow(() -> new AssertionError("no cookie " + name + " in " + header));
    }

    private static String sign(JWTClaimsSet claims, byte[] key, String kid, String type) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(kid)
                .type(new JOSEObjectType(type)).build(), claims);
        jwt.sign(new MACSigner(key));
        return jwt.serialize();
    }

    private static String without(String body) {
        return body.replaceAll("\"request_id\":\"[^\"]*\"", "");
    }
}
