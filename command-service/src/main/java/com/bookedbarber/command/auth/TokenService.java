package com.bookedbarber.command.auth;

import com.bookedbarber.command.core.Ids;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Signs and verifies the service's JWTs (nimbus-jose-jwt). The algorithm is pinned to HS256 and
 * each kind of token has its own {@code typ}, so an MFA token is never an access token; refresh
 * tokens are opaque and never parse as a JWT at all.
 */
public final class TokenService {
    static final JOSEObjectType ACCESS = new JOSEObjectType("at+jwt");
    static final JOSEObjectType MFA = new JOSEObjectType("mfa+jwt");
    private static final Duration MFA_TOKEN_LIFETIME = Duration.ofMinutes(5);
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    /** What an access token says: who, which session, whether that session passed MFA, until when. */
    public record AccessClaims(UUID userId, UUID sessionId, boolean mfa, Instant expiresAt) {
    }

    /**
     * Tokens verified recently: a repeat presentation costs one lookup instead of an HMAC and a
     * JSON parse. Entries never outlive the token; revocation is still checked per request
     * against the session.
     */
    private final Cache<String, AccessClaims> verified = Caffeine.newBuilder()
            .maximumSize(50_000)
            .expireAfter(Expiry.<String, AccessClaims>creating((token, claims) ->
                    min(Duration.ofSeconds(60), Duration.between(Instant.now(), claims.expiresAt()))))
            .build();

    private final Clock clock;
    private final Duration accessLifetime;
    private final String activeKeyId;
    private final MACSigner signer;
    private final DefaultJWTProcessor<SecurityContext> accessProcessor;
    private final DefaultJWTProcessor<SecurityContext> mfaProcessor;

    public TokenService(AuthConfiguration config, Clock clock) {
        this.clock = clock;
        this.accessLifetime = config.getAccessTokenLifetime().toJavaDuration();
        this.activeKeyId = config.getActiveKeyId();
        List<JWK> keys = config.getSigningKeys().stream()
                .map(k -> (JWK) new OctetSequenceKey.Builder(k.secretBytes()).keyID(k.getId()).build())
                .toList();
        byte[] active = config.getSigningKeys().stream().filter(k -> k.getId().equals(activeKeyId))
                .findFirst().orElseThrow().secretBytes();
        try {
            this.signer = new MACSigner(active);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("signing key too short", e);
        }
        ImmutableJWKSet<SecurityContext> keySet = new ImmutableJWKSet<>(new JWKSet(keys));
        this.accessProcessor = processor(keySet, ACCESS, Set.of("sub", "sid", "amr", "exp", "iat"));
        this.mfaProcessor = processor(keySet, MFA, Set.of("sub", "exp", "iat"));
    }

    private DefaultJWTProcessor<SecurityContext> processor(ImmutableJWKSet<SecurityContext> keys, JOSEObjectType type,
                                                           Set<String> required) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(type));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.HS256, keys));
        DefaultJWTClaimsVerifier<SecurityContext> claims =
                new DefaultJWTClaimsVerifier<>(null, new JWTClaimsSet.Builder().build(), required) {
                    @Override
                    protected Date currentTime() {
                        return Date.from(clock.instant());
                    }
                };
        claims.setMaxClockSkew((int) CLOCK_SKEW.toSeconds());
        processor.setJWTClaimsSetVerifier(claims);
        return processor;
    }

    public long accessLifetimeSeconds() {
        return accessLifetime.toSeconds();
    }

    public String issueAccess(UUID userId, UUID sessionId, boolean mfa) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(userId.toString())
                .claim("sid", sessionId.toString())
                .claim("amr", mfa ? List.of("pwd", "otp") : List.of("pwd"))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(accessLifetime)))
                .jwtID(Ids.newId().toString())
                .build();
        return sign(ACCESS, claims);
    }

    public String issueMfaChallenge(UUID userId) {
        Instant now = clock.instant();
        return sign(MFA, new JWTClaimsSet.Builder().subject(userId.toString()).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(MFA_TOKEN_LIFETIME))).jwtID(Ids.newId().toString()).build());
    }

    public Optional<AccessClaims> verifyAccess(String token) {
        AccessClaims cached = token == null ? null : verified.getIfPresent(token);
        if (cached != null && cached.expiresAt().isAfter(clock.instant())) {
            return Optional.of(cached);
        }
        Optional<AccessClaims> claims = verify(accessProcessor, token).map(c -> {
            Object amr = c.getClaim("amr");
            boolean otp = amr instanceof List<?> list && list.contains("otp");
            return new AccessClaims(UUID.fromString(c.getSubject()), UUID.fromString((String) c.getClaim("sid")), otp,
                    c.getExpirationTime().toInstant());
        });
        claims.ifPresent(c -> verified.put(token, c));
        return claims;
    }

    private static Duration min(Duration a, Duration b) {
        return b.isNegative() ? Duration.ZERO : (a.compareTo(b) < 0 ? a : b);
    }

    public Optional<UUID> verifyMfaChallenge(String token) {
        return verify(mfaProcessor, token).map(c -> UUID.fromString(c.getSubject()));
    }

    private Optional<JWTClaimsSet> verify(DefaultJWTProcessor<SecurityContext> processor, String token) {
        if (token == null || token.length() > 4096) {
            return Optional.empty();
        }
        try {
            JWTClaimsSet claims = processor.process(token, null);
            // a token issued in the future was not issued by us
            if (claims.getIssueTime().toInstant().isAfter(clock.instant().plus(CLOCK_SKEW))) {
                return Optional.empty();
            }
            UUID.fromString(claims.getSubject());
            return Optional.of(claims);
        } catch (Exception invalid) {
            // parse errors, bad signatures, wrong alg/typ, expired, malformed claims: all just "invalid"
            return Optional.empty();
        }
    }

    private String sign(JOSEObjectType type, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(activeKeyId).type(type).build(),
                claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
