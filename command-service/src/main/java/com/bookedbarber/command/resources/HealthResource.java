package com.bookedbarber.command.resources;

import com.bookedbarber.command.filter.Unfiltered;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** The load balancer's liveness probe: no auth, no rate limit, no filter, no I/O. */
@Path("/health")
@Unfiltered
public final class HealthResource {
    private static final Map<String, String> OK = Map.of("status", "ok");

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> health() {
        return OK;
    }
}
