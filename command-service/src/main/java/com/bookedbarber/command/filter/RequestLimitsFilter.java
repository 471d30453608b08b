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
                throw tooLarge();
            }
        }
        if (request.hasEntity()) {
            request.setEntityStream(new Bounded(request.getEntityStream(), maxBodyBytes));
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
