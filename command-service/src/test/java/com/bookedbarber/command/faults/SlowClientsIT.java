package com.bookedbarber.command.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.bookedbarber.command.CommandServiceConfiguration;
import com.bookedbarber.command.CommandServiceTestApp;
import com.bookedbarber.testing.ApiClient;
import com.bookedbarber.testing.TestDatabase;
import com.bookedbarber.testing.TestKafka;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Slowloris-style clients: connections that stall in the middle of a request, bodies sent a byte
 * at a time, and headers dribbled forever. Stalled and slow requests are cut off by the
 * connector's idle timeout and minimum request data rate; none of them holds a request thread,
 * so everyone else is served as usual meanwhile.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SlowClientsIT {
    private static final int IDLE_TIMEOUT_SECONDS = 2;
    private static final int MAX_THREADS = 64;

    static final TestDatabase DB = TestDatabase.createMigratedForJvm();
    static final TestKafka KAFKA = TestKafka.shared();
    static final DropwizardAppExtension<CommandServiceConfiguration> APP = CommandServiceTestApp.extension(DB, KAFKA,
            ConfigOverride.config("server.applicationConnectors[0].idleTimeout", IDLE_TIMEOUT_SECONDS + "s"),
            ConfigOverride.config("server.applicationConnectors[0].minRequestDataPerSecond", "1KiB"),
            ConfigOverride.config("server.maxThreads", String.valueOf(MAX_THREADS)));

    private final List<Socket> sockets = new ArrayList<>();
    private final ScheduledExecutorService dribbler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void closeSockets() throws IOException {
        dribbler.shutdownNow();
        for (Socket s : sockets) {
            s.close();
        }
    }

    @Test
    void aConnectionStalledInTheMiddleOfARequestIsClosedAfterTheIdleTimeout() throws Exception {
        Socket stalled = open();
        send(stalled, "POST /api/v2/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: appl");
        long begin = System.nanoTime();
        String answer = readUntilClosed(stalled, IDLE_TIMEOUT_SECONDS + 5);
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - begin);
        assertThat(seconds).isBetween((long) IDLE_TIMEOUT_SECONDS - 1, (long) IDLE_TIMEOUT_SECONDS + 3);
        // either closed without a word or with a 408/400 status line; never a request handled
        assertThat(answer).satisfiesAnyOf(a -> assertThat(a).isEmpty(), a -> assertThat(a).startsWith("HTTP/1.1 4"));
    }

    @Test
    void aBodySentAByteAtATimeIsCutOffByTheMinimumDataRate() throws Exception {
        Socket slow = open();
        send(slow, "POST /api/v2/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: 4000\r\n\r\n{");
        // 5 bytes a second: never idle long enough for the idle timeout, far below 1 KiB/s
        dribbler.scheduleAtFixedRate(() -> quietly(() -> send(slow, " ")), 200, 200, TimeUnit.MILLISECONDS);
        long begin = System.nanoTime();
        String answer = readUntilClosed(slow, 20);
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - begin);
        assertThat(seconds).isLessThan(15);
        assertThat(answer).startsWith("HTTP/1.1 408").contains("\"error\":\"request_timeout\"");
    }

    @Test
    void hundredsOfDribblingConnectionsHoldNoThreadAndEveryoneElseIsServed() throws Exception {
        // more slow connections than the server has threads
        int slowClients = MAX_THREADS * 3;
        for (int i = 0; i < slowClients; i++) {
            Socket s = open();
            send(s, "GET /api/v2/auth/me HTTP/1.1\r\nHost: localhost\r\n");
        }
        // one more header line per connection every second: each stays below the idle timeout
        dribbler.scheduleAtFixedRate(() -> sockets.forEach(s -> quietly(() -> send(s, "X-Slow: 1\r\n"))),
                0, 1, TimeUnit.SECONDS);

        ApiClient api = new ApiClient("http://127.0.0.1:" + APP.getLocalPort());
        ApiClient.Session session = api.register("Patient Client");
        for (int i = 0; i < 50; i++) {
            long begin = System.nanoTime();
            ApiClient.Result me = session.api().get("/api/v2/auth/me");
            ApiClient.Result login = api.post("/api/v2/auth/login", Map.of("email", session.email(), "password", "wrong"));
            assertThat(me.status()).isEqualTo(200);
            assertThat(login.status()).isEqualTo(401);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin)).isLessThan(2000);
        }
        // and the slow connections were held open all along: the server has neither answered nor closed one
        assertThat(sockets.stream().filter(s -> !heldOpenByTheServer(s)).count()).isZero();
    }

    /** True while the server keeps the connection open without answering (a read finds nothing yet). */
    private static boolean heldOpenByTheServer(Socket s) {
        try {
            s.setSoTimeout(10);
            s.getInputStream().read();
            return false; // an answer, or -1: the server closed it
        } catch (SocketTimeoutException nothingYet) {
            return true;
        } catch (IOException reset) {
            return false;
        }
    }

    private Socket open() throws IOException {
        Socket s = new Socket("127.0.0.1", APP.getLocalPort());
        sockets.add(s);
        return s;
    }

    private static void send(Socket s, String text) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Everything the server sends until it closes the connection; fails if it is still open after the limit. */
    private static String readUntilClosed(Socket s, int limitSeconds) throws IOException {
        s.setSoTimeout(limitSeconds * 1000);
        StringBuilder text = new StringBuilder();
        InputStream in = s.getInputStream();
        byte[] buffer = new byte[4096];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                text.append(new String(buffer, 0, n, StandardCharsets.US_ASCII));
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server kept the connection open for " + limitSeconds + " s", e);
        } catch (IOException reset) {
            // a reset is a close too
        }
        return text.toString();
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private static void quietly(IoAction action) {
        try {
            action.run();
        } catch (IOException closedByTheServer) {
            // the server closing a slow connection is what some tests wait for
        }
    }
}
