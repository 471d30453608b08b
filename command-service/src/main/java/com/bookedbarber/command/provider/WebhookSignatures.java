package com.bookedbarber.command.provider;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

/**
 * Verifies {@code Stripe-Signature} (timestamped HMAC-SHA256 over the raw body) with the SDK's
 * verifier, before anything parses the body. Any configured secret may match, so a secret can
 * be rotated without dropping deliveries; the header itself may carry several {@code v1} values.
 */
public final class WebhookSignatures {
    private final List<String> secrets;
    private final long toleranceSeconds;
    private final Clock clock;

    public WebhookSignatures(List<String> secrets, long toleranceSeconds, Clock clock) {
        this.secrets = List.copyOf(secrets);
        this.toleranceSeconds = toleranceSeconds;
        this.clock = clock;
    }

    public boolean valid(byte[] rawBody, String header) {
        if (header == null || header.isBlank() || header.length() > 2048) {
            return false;
        }
        String payload = new String(rawBody, StandardCharsets.UTF_8);
        for (String secret : secrets) {
            try {
                if (Webhook.Signature.verifyHeader(payload, header, secret, toleranceSeconds, clock)) {
                    return true;
                }
            } catch (SignatureVerificationException e) {
                // try the next secret; the caller only learns "invalid"
            }
        }
        return false;
    }
}
