package com.bookedbarber.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Ports for servers a test starts itself (a child process, a throwaway PostgreSQL). */
public final class FreePorts {
    private FreePorts() {
    }

    /** A port nobody listens on now; the probe socket is closed before the caller binds it. */
    public static int next() {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
