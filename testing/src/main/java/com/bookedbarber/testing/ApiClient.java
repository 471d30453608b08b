package com.bookedbarber.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** A plain HTTP client for full-stack tests: every call returns the whole, already read response. */
public final class ApiClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String[] defaultHeaders;

    public ApiClient(String baseUrl, String... defaultHeaders) {
        this.baseUrl = baseUrl;
        this.defaultHeaders = defaultHeaders;
    }

    /** The same server, every request carrying {@code Authorization: Bearer <token>}. */
    public ApiClient withBearer(String accessToken) {
        return new ApiClient(baseUrl, "Authorization", "Bearer " + accessToken);
    }

    /** The Authorization header this client sends, or null. */
    public String authorization() {
        for (int i = 0; i + 1 < defaultHeaders.length; i += 2) {
            if (defaultHeaders[i].equalsIgnoreCase("Authorization")) {
                return defaultHeaders[i + 1];
            }
        }
        return null;
    }

    /** Registers a new account with a random e-mail and returns a client authenticated as it. */
    public Session register(String name) {
        String email = name.toLowerCase().replaceAll("[^a-z0-9]", "") + "-" + java.util.UUID.randomUUID() + "@example.com";
        Result result = post("/api/v2/auth/register",
                Map.of("email", email, "password", "correct horse battery staple", "name", name));
        if (result.status() != 201) {
            throw new IllegalStateException("registration failed: " + result.status() + " " + result.body());
        }
        JsonNode body = result.json();
        return new Session(java.util.UUID.fromString(body.get("user").get("id").asText()), email,
                body.get("refresh_token").asText(), withBearer(body.get("access_token").asText()));
    }

    /** A registered account: its id, e-mail, refresh token and a client authenticated as it. */
    public record Session(java.util.UUID userId, String email, String refreshToken, ApiClient api) {
    }

    /** A response as read: status, headers and the body text (parsed on demand). */
    public record Result(int status, HttpResponse<String> raw) {
        public String body() {
            return raw.body();
        }

        public JsonNode json() {
            try {
                return JSON.readTree(raw.body());
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + raw.body(), e);
            }
        }

        public Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }
    }

    public Result get(String path, String... headers) {
        return send(request(path, headers).GET());
    }

    public Result post(String path, Object body, String... headers) {
        return postRaw(path, "application/json", write(body), headers);
    }

    public Result put(String path, Object body, String... headers) {
        return send(request(path, headers).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(write(body))));
    }

    public Result postRaw(String path, String contentType, String body, String... headers) {
        return send(request(path, headers).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Result method(String method, String path, String... headers) {
        return send(request(path, headers).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        for (int i = 0; i + 1 < defaultHeaders.length; i += 2) {
            builder.header(defaultHeaders[i], defaultHeaders[i + 1]);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private Result send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Result(response.statusCode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String write(Object body) {
        try {
            return body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
