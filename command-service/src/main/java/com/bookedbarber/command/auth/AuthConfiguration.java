package com.bookedbarber.command.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Base64;
import java.util.List;

/**
 * The {@code auth:} section. Access tokens are signed with the key named by
 * {@code activeKeyId}; every key listed still verifies, so a key is rotated by adding the new
 * one, making it active, and removing the old one after the access-token lifetime.
 */
public class AuthConfiguration {
    public static class SigningKey {
        @NotEmpty
        @JsonProperty
        private String id;

        /** Base64 of at least 32 random bytes (HS256). */
        @NotEmpty
        @JsonProperty
        private String secret;

        public String getId() {
            return id;
        }

        public byte[] secretBytes() {
            return Base64.getDecoder().decode(secret);
        }

        @AssertTrue(message = "must be base64 of at least 32 bytes")
        boolean isSecretStrong() {
            try {
                return secret == null || secretBytes().length >= 32;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }

        public SigningKey() {
        }

        public SigningKey(String id, String secret) {
            this.id = id;
            this.secret = secret;
        }
    }

    @Valid
    @NotNull
    @Size(min = 1)
    @JsonProperty
    private List<SigningKey> signingKeys = List.of();

    @NotEmpty
    @JsonProperty
    private String activeKeyId;

    /** Base64 of 32 bytes: AES-256 key that encrypts TOTP secrets at rest. */
    @NotEmpty
    @JsonProperty
    private String mfaEncryptionKey;

    @NotNull
    @JsonProperty
    private Duration accessTokenLifetime = Duration.minutes(15);

    @NotNull
    @JsonProperty
    private Duration sessionLifetime = Duration.days(30);

    /** How long an instance may trust its cached "session is active" answer. */
    @NotNull
    @JsonProperty
    private Duration sessionCacheTtl = Duration.seconds(2);

    @Min(8192)
    @JsonProperty
    private int argon2MemoryKib = 19_456;

    @Min(1)
    @JsonProperty
    private int argon2Iterations = 2;

    /** Cookies are always Secure; browsers accept Secure cookies from http://localhost too. */
    @JsonProperty
    private boolean secureCookies = true;

    @AssertTrue(message = "activeKeyId must name one of signingKeys")
    boolean isActiveKeyListed() {
        return signingKeys.stream().anyMatch(k -> k.getId() != null && k.getId().equals(activeKeyId));
    }

    public List<SigningKey> getSigningKeys() {
        return signingKeys;
    }

    public String getActiveKeyId() {
        return activeKeyId;
    }

    public byte[] mfaEncryptionKeyBytes() {
        return Base64.getDecoder().decode(mfaEncryptionKey);
    }

    public Duration getAccessTokenLifetime() {
        return accessTokenLifetime;
    }

    public Duration getSessionLifetime() {
        return sessionLifetime;
    }

    public Duration getSessionCacheTtl() {
        return sessionCacheTtl;
    }

    public int getArgon2MemoryKib() {
        return argon2MemoryKib;
    }

    public int getArgon2Iterations() {
        return argon2Iterations;
    }

    public boolean isSecureCookies() {
        return secureCookies;
    }
}
