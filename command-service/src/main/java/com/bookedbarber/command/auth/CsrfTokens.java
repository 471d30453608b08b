package com.bookedbarber.command.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * CSRF tokens for cookie sessions: an HMAC of the session id, so nothing is stored and a token
 * is worthless for any other session.
 */
public final class CsrfTokens {
    private final SecretKeySpec key;

    public CsrfTokens(byte[] secret) {
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    public String tokenFor(UUID sessionId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(("csrf:" + sessionId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean matches(UUID sessionId, String presented) {
        return presented != null && MessageDigest.isEqual(
                tokenFor(sessionId).getBytes(StandardCharsets.US_ASCII), presented.getBytes(StandardCharsets.US_ASCII));
    }
}
