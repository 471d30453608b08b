package com.bookedbarber.command.core;

import java.util.List;

/**
 * A request the domain refuses, with a machine-readable code. The kind says how it is refused;
 * the HTTP layer maps kinds to status codes, so the domain stays free of HTTP.
 */
public class DomainException extends RuntimeException {
    public enum Kind {
        /** Syntactically wrong input such as an unparseable query parameter (400). */
        MALFORMED,
        /** No valid credentials (401). */
        UNAUTHENTICATED,
        /** Authenticated, but this caller may not do this (403). */
        FORBIDDEN,
        /** The body is larger than allowed (413). */
        PAYLOAD_TOO_LARGE,
        /** Well-formed but breaks a rule (422). */
        RULE_VIOLATION,
        /** Conflicts with the current state (409). */
        CONFLICT,
        /** Unknown or not visible to the caller (404). */
        NOT_FOUND,
        /** Too many requests for one key; retry after the window resets (429). */
        RATE_LIMITED,
        /** A dependency is busy or down; retrying later may work (503). */
        UNAVAILABLE
    }

    private final Kind kind;
    private final String code;
    private final List<String> fieldErrors;
    private long retryAfterSeconds = 1;

    public DomainException(Kind kind, String code, String message) {
        this(kind, code, message, List.of());
    }

    public DomainException(Kind kind, String code, String message, List<String> fieldErrors) {
        super(message, null, false, false);
        this.kind = kind;
        this.code = code;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public static DomainException invalid(String code, String message) {
        return new DomainException(Kind.RULE_VIOLATION, code, message);
    }

    public static DomainException invalidField(String field, String problem) {
        return new DomainException(Kind.RULE_VIOLATION, "validation_failed", "The request is invalid",
                List.of(field + ": " + problem));
    }

    public static DomainException malformedField(String field, String problem) {
        return new DomainException(Kind.MALFORMED, "bad_request", "The request is malformed",
                List.of(field + ": " + problem));
    }

    public static DomainException unauthenticated(String code, String message) {
        return new DomainException(Kind.UNAUTHENTICATED, code, message);
    }

    public static DomainException forbidden(String code, String message) {
        return new DomainException(Kind.FORBIDDEN, code, message);
    }

    public static DomainException conflict(String code, String message) {
        return new DomainException(Kind.CONFLICT, code, message);
    }

    public static DomainException notFound(String what) {
        return new DomainException(Kind.NOT_FOUND, "not_found", what + " not found");
    }

    public static DomainException unavailable(String code, String message) {
        return new DomainException(Kind.UNAVAILABLE, code, message);
    }

    public static DomainException unavailable(String code, String message, long retryAfterSeconds) {
        DomainException e = unavailable(code, message);
        e.retryAfterSeconds = Math.max(1, retryAfterSeconds);
        return e;
    }

    public static DomainException rateLimited(long retryAfterSeconds) {
        DomainException e = new DomainException(Kind.RATE_LIMITED, "rate_limited", "Too many requests; retry later");
        e.retryAfterSeconds = retryAfterSeconds;
        return e;
    }

    /** For 429 and 503: when a retry may succeed. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public List<String> fieldErrors() {
        return fieldErrors;
    }
}
