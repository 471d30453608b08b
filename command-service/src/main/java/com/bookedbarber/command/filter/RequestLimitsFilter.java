package com.bookedbarber.command.filter;

import com.bookedbarber.command.core.DomainException;
import com.codahale.metrics.MetricRegistry;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Bodies are bounded: a declared length over the limit is refused before reading (413), and a
 * chunked body is cut off once it passes the limit. (JSON depth and string length are bounded by
 * the ObjectMapper's read constraints.)
 */
public final class RequestLimitsFilter extends MeasuredFilter {
    private static final long MAX_DRAIN_BYTES = 1 << 20;
    private final long maxBodyBytes;

    public RequestLimitsFilter(MetricRegistry metrics, long maxBodyBytes) {
        super(metrics, "request-limits");
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    protected void onRequest(ContainerRequestContext request) {
        String declared = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (declared != null) {
            long length;
            try {
                length = Long.parseLong(declared.trim());
            } catch (NumberFormatException e) {
                throw DomainException.malformedField("Content-Length", "must be a number");
            }
            if (length > maxBodyBytes) {
                drain(request, length);
                throw tooLarge();
            }
        }
        if (request.hasEntity()) {
            request.setEntityStream(new Bounded(request.getEntityStream(), maxBodyBytes));
        }
    }

    /**
     * Reads and drops a moderately oversized body before answering 413: closing the connection
     * with unread bytes makes the kernel reset it, and the client then loses the 413 too (found by
     * FuzzIT). Bodies declared larger than {@link #MAX_DRAIN_BYTES} are not read at all.
     */
    private static void drain(ContainerRequestContext request, long declared) {
        if (declared > MAX_DRAIN_BYTES || !request.hasEntity()) {
            return;
        }
        try (InputStream body = request.getEntityStream()) {
            byte[] sink = new byte[8192];
            long left = declared;
            int n;
            while (left > 0 && (n = body.read(sink, 0, (int) Math.min(sink.length, left))) > 0) {
                left -= n;
            }
        } catch (IOException gone) {
            // the client went away; the 413 is answered all the same
        }
    }

    private DomainException tooLarge() {
        return new DomainException(DomainException.Kind.PAYLOAD_TOO_LARGE, "payload_too_large",
                "The body may have at most " + maxBodyBytes + " bytes");
    }

    private final class Bounded extends FilterInputStream {
        private long remaining;

        Bounded(InputStream in, long limit) {
            super(in);
            this.remaining = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && --remaining < 0) {
                throw tooLarge();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0 && (remaining -= n) < 0) {
                throw tooLarge();
            }
            return n;
        }
    }
}
