package com.bookedbarber.command.provider;

import com.bookedbarber.command.core.DomainException;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import dev.failsafe.Bulkhead;
import dev.failsafe.BulkheadFullException;
import dev.failsafe.CircuitBreaker;
import dev.failsafe.CircuitBreakerOpenException;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RetryPolicy;
import dev.failsafe.Timeout;
import dev.failsafe.function.CheckedSupplier;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The card provider (Stripe, through its Java SDK). Every call carries an Idempotency-Key
 * derived from our own id, which makes retrying it safe; around it: a timeout per attempt,
 * retries with jittered backoff for transient failures only, a circuit breaker that fails calls
 * at once while the provider is down, and a bulkhead so a slow provider cannot take every
 * request thread. A declined card or a refused request is an answer, not a failure: it neither
 * retries nor counts against the breaker.
 */
public final class CardGateway {
    private static final Logger LOG = LoggerFactory.getLogger(CardGateway.class);

    /** A created PaymentIntent: its id and the secret the browser confirms the card with. */
    public record Intent(String id, String clientSecret) {
    }

    /** A refund as the provider reports it: {@code succeeded}, {@code pending} or {@code failed}. */
    public record ProviderRefund(String id, String status) {
    }

    private final StripeClient stripe;
    private final CircuitBreaker<Object> breaker;
    private final FailsafeExecutor<Object> calls;

    public CardGateway(CardProviderConfiguration config) {
        int attemptMillis = (int) config.getAttemptTimeout().toMilliseconds();
        this.stripe = StripeClient.builder()
                .setApiKey(config.getSecretKey())
                .setApiBase(config.getApiBase())
                .setMaxNetworkRetries(0) // retries are ours, below
                .setConnectTimeout(attemptMillis)
                .setReadTimeout(attemptMillis)
                .build();
        this.breaker = CircuitBreaker.builder()
                .handleIf(CardGateway::isTransient)
                .withFailureRateThreshold(config.getBreakerFailurePercent(), config.getBreakerMinimumCalls(),
                        config.getBreakerPeriod().toJavaDuration())
                .withDelay(config.getBreakerOpenFor().toJavaDuration())
                .withSuccessThreshold(config.getBreakerHalfOpenProbes())
                .onOpen(e -> LOG.warn("card provider circuit breaker opened"))
                .onHalfOpen(e -> LOG.info("card provider circuit breaker half-open: probing"))
                .onClose(e -> LOG.info("card provider circuit breaker closed"))
                .build();
        RetryPolicy<Object> retry = RetryPolicy.builder()
                .handleIf(CardGateway::isTransient)
                .abortOn(CircuitBreakerOpenException.class, BulkheadFullException.class)
                .withMaxRetries(config.getRetries())
                .withBackoff(config.getRetryDelay().toJavaDuration(), config.getMaxRetryDelay().toJavaDuration())
                .withJitter(0.25)
                .build();
        Bulkhead<Object> bulkhead = Bulkhead.builder(config.getMaxConcurrentCalls()).withMaxWaitTime(Duration.ZERO).build();
        Timeout<Object> timeout = Timeout.builder(config.getAttemptTimeout().toJavaDuration().plusMillis(250))
                .withInterrupt().build();
        // outermost first: each retry passes the breaker, the bulkhead and its own timeout
        this.calls = Failsafe.with(retry, breaker, bulkhead, timeout);
    }

    /** Creates a PaymentIntent for our payment; the same payment id always yields the same intent. */
    public Intent createIntent(UUID paymentId, long amountCents, String currency) {
        PaymentIntent intent = call(() -> stripe.v1().paymentIntents().create(PaymentIntentCreateParams.builder()
                        .setAmount(amountCents)
                        .setCurrency(currency.toLowerCase(Locale.ROOT))
                        .putMetadata("payment_id", paymentId.toString())
                        .setAutomaticPaymentMethods(PaymentIntentCreateParams.AutomaticPaymentMethods.builder()
                                .setEnabled(true).build())
                        .build(),
                RequestOptions.builder().setIdempotencyKey("payment-" + paymentId).build()));
        return new Intent(intent.getId(), intent.getClientSecret());
    }

    /** Refunds part of a PaymentIntent; the same refund id never refunds twice. */
    public ProviderRefund refund(UUID refundId, String intentId, long amountCents) {
        Refund refund = call(() -> stripe.v1().refunds().create(RefundCreateParams.builder()
                        .setPaymentIntent(intentId)
                        .setAmount(amountCents)
                        .putMetadata("refund_id", refundId.toString())
                        .build(),
                RequestOptions.builder().setIdempotencyKey("refund-" + refundId).build()));
        return new ProviderRefund(refund.getId(), refund.getStatus());
    }

    /**
     * False while the breaker is open: callers answer 503 at once instead of trying. Once the open
     * period is over a call may go through as the half-open probe (Failsafe moves to half-open
     * only when a call asks for a permit).
     */
    public boolean acceptingCalls() {
        return !breaker.isOpen() || breaker.getRemainingDelay().isZero();
    }

    /** 0 closed, 1 half-open, 2 open (a metric). */
    public int breakerState() {
        return switch (breaker.getState()) {
            case CLOSED -> 0;
            case HALF_OPEN -> 1;
            case OPEN -> 2;
        };
    }

    public DomainException unavailable() {
        long retryAfter = Math.max(1, breaker.getRemainingDelay().toSeconds());
        return DomainException.unavailable("card_provider_unavailable",
                "The card provider is not reachable right now; cash payments still work", retryAfter);
    }

    private <T> T call(CheckedSupplier<T> request) {
        try {
            return calls.get(request);
        } catch (CircuitBreakerOpenException | BulkheadFullException e) {
            throw unavailable();
        } catch (FailsafeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof StripeException stripeError && !isTransient(stripeError)) {
                throw DomainException.invalid("card_provider_rejected",
                        "The card provider refused the request: " + safeMessage(stripeError));
            }
            LOG.warn("card provider call failed after retries: {}", cause.toString());
            throw unavailable();
        } catch (RuntimeException e) {
            LOG.warn("card provider call failed: {}", e.toString());
            throw unavailable();
        }
    }

    private static String safeMessage(StripeException e) {
        String message = e.getStripeError() == null ? null : e.getStripeError().getMessage();
        return message == null ? "code " + e.getCode() : message;
    }

    /** Network errors, timeouts, 429 and 5xx may pass; any other provider answer is final. */
    static boolean isTransient(Throwable e) {
        if (e instanceof StripeException stripeError) {
            Integer status = stripeError.getStatusCode();
            return status == null || status == 0 || status == 429 || status >= 500;
        }
        return !(e instanceof CircuitBreakerOpenException) && !(e instanceof BulkheadFullException);
    }
}
