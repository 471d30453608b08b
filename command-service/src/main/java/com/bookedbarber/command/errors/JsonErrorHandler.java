package com.bookedbarber.command.errors;

import com.bookedbarber.api.errors.ErrorBody;
import com.bookedbarber.command.filter.RequestIds;
import com.bookedbarber.command.filter.SecurityHeadersFilter;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers by itself, before any resource runs (a URI it refuses as ambiguous, such
 * as an encoded "/", "." or NUL in a path segment): in the contract's error body with a request
 * id and the security headers, for every method, instead of Jetty's HTML page (or, for PUT, an
 * empty body). Found by FuzzIT.
 */
public final class JsonErrorHandler extends ErrorHandler {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws IOException {
        String requestId = RequestIds.fromHeader(request.getHeaders().get(RequestIds.HEADER));
        byte[] body = JSON.writeValueAsBytes(new ErrorBody(code, ErrorResponses.codeFor(code), messageFor(code),
                requestId, null));
        HttpFields.Mutable headers = response.getHeaders();
        headers.put(HttpHeader.CONTENT_TYPE, "application/json");
        headers.put(RequestIds.HEADER, requestId);
        MultivaluedMap<String, Object> security = new MultivaluedHashMap<>();
        SecurityHeadersFilter.apply(security);
        security.forEach((name, values) -> headers.put(name, String.valueOf(values.get(0))));
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    private static String messageFor(int code) {
        return switch (code) {
            case 400 -> "The request is malformed (for example an ambiguous or invalid path)";
            case 404 -> "No such resource";
            case 405 -> "Method not allowed";
            case 413 -> "The request is too large";
            case 414 -> "The URI is too long";
            case 431 -> "The request headers are too large";
            default -> code >= 500 ? "The server could not answer this request" : "The request failed";
        };
    }
}
