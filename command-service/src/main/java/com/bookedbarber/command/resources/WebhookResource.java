package com.bookedbarber.command.resources;

import com.bookedbarber.command.core.DomainException;
import com.bookedbarber.command.provider.WebhookSignatures;
import com.bookedbarber.command.service.WebhookService;
import com.codahale.metrics.annotation.Timed;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.Map;

/**
 * The card provider's webhook. The signature is checked on the raw bytes before anything parses
 * them; only then is the body read as JSON and applied. No user auth: the signature is the auth.
 */
@Path("/api/v2/webhooks/stripe")
@Produces(MediaType.APPLICATION_JSON)
public final class WebhookResource {
    private static final Map<String, Boolean> RECEIVED = Map.of("received", true);

    private final WebhookSignatures signatures;
    private final WebhookService webhooks;
    private final ObjectMapper json;

    public WebhookResource(WebhookSignatures signatures, WebhookService webhooks, ObjectMapper json) {
        this.signatures = signatures;
        this.webhooks = webhooks;
        this.json = json;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Timed
    public Map<String, Boolean> receive(@HeaderParam("Stripe-Signature") String signature, byte[] body) {
        if (body == null || !signatures.valid(body, signature)) {
            throw new DomainException(DomainException.Kind.MALFORMED, "invalid_signature",
                    "Missing, malformed, stale or wrong Stripe-Signature");
        }
        JsonNode event;
        try {
            event = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw DomainException.malformedField("body", "is not JSON");
        } catch (IOException e) {
            throw DomainException.malformedField("body", "could not be read");
        }
        if (event == null || !event.isObject()) {
            throw DomainException.malformedField("body", "is not a provider event");
        }
        webhooks.apply(event);
        return RECEIVED;
    }
}
