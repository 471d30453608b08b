package com.bookedbarber.command;

import com.bookedbarber.command.analytics.AnalyticsAccessDao;
import com.bookedbarber.command.analytics.AnalyticsCache;
import com.bookedbarber.command.analytics.AnalyticsDao;
import com.bookedbarber.command.analytics.AnalyticsResource;
import com.bookedbarber.command.analytics.LocationAccessCache;
import com.bookedbarber.command.analytics.ProjectionStateDao;
import com.bookedbarber.command.analytics.ProjectionVersions;
import com.bookedbarber.command.auth.Caller;
import com.bookedbarber.command.auth.CallerAuthenticator;
import com.bookedbarber.command.auth.CsrfTokens;
import com.bookedbarber.command.auth.PasswordHasher;
import com.bookedbarber.command.auth.SecretBox;
import com.bookedbarber.command.auth.SessionCache;
import com.bookedbarber.command.auth.TokenAuthFilter;
import com.bookedbarber.command.auth.TokenService;
import com.bookedbarber.command.batch.BatchDispatcher;
import com.bookedbarber.command.db.AppointmentDao;
import com.bookedbarber.command.db.BookingDao;
import com.bookedbarber.command.db.LocationDao;
import com.bookedbarber.command.db.MemberDao;
import com.bookedbarber.command.db.MfaDao;
import com.bookedbarber.command.db.OutboxDao;
import com.bookedbarber.command.db.PaymentDao;
import com.bookedbarber.command.db.ProviderEventDao;
import com.bookedbarber.command.db.RefundDao;
import com.bookedbarber.command.db.ScheduleDao;
import com.bookedbarber.command.db.ServiceOfferingDao;
import com.bookedbarber.command.db.SessionDao;
import com.bookedbarber.command.db.UserDao;
import com.bookedbarber.command.errors.BadMessageExceptionMapper;
import com.bookedbarber.command.errors.DatabaseExceptionMapper;
import com.bookedbarber.command.errors.DomainExceptionMapper;
import com.bookedbarber.command.errors.JsonErrorHandler;
import com.bookedbarber.command.errors.JsonExceptionMapper;
import com.bookedbarber.command.errors.UnexpectedExceptionMapper;
import com.bookedbarber.command.errors.ViolationExceptionMapper;
import com.bookedbarber.command.errors.WebApplicationExceptionMapper;
import com.bookedbarber.command.filter.ApiFilterFeature;
import com.bookedbarber.command.health.OutboxBacklogHealthCheck;
import com.bookedbarber.command.health.ProjectionLagHealthCheck;
import com.bookedbarber.command.idempotency.IdempotencyCleaner;
import com.bookedbarber.command.idempotency.IdempotencyDao;
import com.bookedbarber.command.openapi.ApiDocument;
import com.bookedbarber.command.outbox.OutboxBacklogGauges;
import com.bookedbarber.command.outbox.OutboxRelay;
import com.bookedbarber.command.provider.CardGateway;
import com.bookedbarber.command.provider.CardProviderHealthCheck;
import com.bookedbarber.command.provider.WebhookSignatures;
import com.bookedbarber.command.ratelimit.EmailRateLimit;
import com.bookedbarber.command.ratelimit.RateLimiter;
import com.bookedbarber.command.resources.AppointmentResource;
import com.bookedbarber.command.resources.AuthResource;
import com.bookedbarber.command.resources.BatchResource;
import com.bookedbarber.command.resources.HealthResource;
import com.bookedbarber.command.resources.LocationResource;
import com.bookedbarber.command.resources.MfaResource;
import com.bookedbarber.command.resources.OpenApiResource;
import com.bookedbarber.command.resources.PaymentResource;
import com.bookedbarber.command.resources.PublicBookingResource;
import com.bookedbarber.command.resources.WebhookResource;
import com.bookedbarber.command.service.AuthService;
import com.bookedbarber.command.service.AvailabilityService;
import com.bookedbarber.command.service.BookingService;
import com.bookedbarber.command.service.CancellationService;
import com.bookedbarber.command.service.CatalogCache;
import com.bookedbarber.command.service.CatalogService;
import com.bookedbarber.command.service.MfaService;
import com.bookedbarber.command.service.PaymentService;
import com.bookedbarber.command.service.RefundRetrier;
import com.bookedbarber.command.service.RefundService;
import com.bookedbarber.command.service.WebhookService;
import com.bookedbarber.platform.db.BookedBarberJdbiFactory;
import com.bookedbarber.platform.db.ConnectionSettings;
import com.bookedbarber.platform.db.DaoWarmup;
import com.bookedbarber.platform.db.DedicatedConnections;
import com.bookedbarber.platform.db.MigrationBundle;
import com.bookedbarber.platform.db.PostgresNotifications;
import com.bookedbarber.platform.kafka.KafkaHealthCheck;
import com.bookedbarber.platform.kafka.KafkaMetricsBridge;
import com.bookedbarber.platform.kafka.ManagedAdmin;
import com.bookedbarber.platform.metrics.SlidingWindowMetricRegistry;
import com.bookedbarber.platform.validation.CachedParameterNames;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.auth.AuthValueFactoryProvider;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.server.AbstractServerFactory;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.jdbi3.JdbiFactory;
import io.dropwizard.jersey.setup.JerseyEnvironment;
import io.dropwizard.jetty.ConnectorFactory;
import io.dropwizard.jetty.GzipHandlerFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.util.DataSize;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.eclipse.jetty.http.HttpGenerator;
import org.glassfish.jersey.server.ServerProperties;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;

public class CommandServiceApplication extends Application<CommandServiceConfiguration> {
    public static void main(String[] args) throws Exception {
        new CommandServiceApplication().run(args);
    }

    @Override
    public String getName() {
        return "command-service";
    }

    @Override
    public void initialize(Bootstrap<CommandServiceConfiguration> bootstrap) {
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false, true)));
        bootstrap.addBundle(new MigrationBundle<>(CommandServiceConfiguration.class));
        // timers keep a sliding window of values, not a reservoir that allocates on every update
        bootstrap.setMetricRegistry(new SlidingWindowMetricRegistry());
        // request validation without re-reading each resource method's annotations per request
        bootstrap.setValidatorFactory(CachedParameterNames.validatorFactory());
        // the JVM gauges (jvm.memory, jvm.gc, jvm.threads, ...) also where Dropwizard's test support
        // starts the app, which skips this step, so tests see the registry production has
        bootstrap.registerMetrics();
    }

    @Override
    public void run(CommandServiceConfiguration config, Environment environment) {
        environment.getObjectMapper().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        // Jackson flushes the response stream after each entity; Jetty then writes what it has at
        // once and the end of the answer in a second write. Without that flush an answer that fits
        // Jetty's output buffer goes out in one write when the request completes.
        environment.getObjectMapper().disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
        // hostile JSON is bounded: nesting depth, string and number lengths
        environment.getObjectMapper().getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(32).maxStringLength(100_000).maxNumberLength(100).build());
        // our mappers give every error the contract's shape; Dropwizard's would answer differently
        AbstractServerFactory serverFactory = (AbstractServerFactory) config.getServerFactory();
        serverFactory.setRegisterDefaultExceptionMappers(false);
        // and so do the errors Jetty answers before Jersey sees the request
        JsonErrorHandler jettyErrors = new JsonErrorHandler();
        environment.getApplicationContext().setErrorHandler(jettyErrors);
        environment.lifecycle().addServerLifecycleListener(server -> server.setErrorHandler(jettyErrors));
        sizeResponseBuffers(serverFactory, environment);
        Clock clock = Clock.systemUTC();
        // no request waits long behind another's row or constraint lock; the read side cannot write
        ConnectionSettings.boundLockWaits(config.getDatabase(), config.getLockTimeout().toJavaDuration());
        ConnectionSettings.readOnly(config.getReadDatabase());
        JdbiFactory jdbiFactory = new BookedBarberJdbiFactory();
        Jdbi primary = jdbiFactory.build(environment, config.getDatabase(), "database");
        primary.installPlugin(new PostgresPlugin());
        Jdbi readOnly = jdbiFactory.build(environment, config.getReadDatabase(), "read-database");
        readOnly.installPlugin(new PostgresPlugin());
        DaoWarmup.warm(primary, AppointmentDao.class, LocationDao.class, MemberDao.class, OutboxDao.class,
                ScheduleDao.class, ServiceOfferingDao.class, SessionDao.class, UserDao.class, MfaDao.class,
                IdempotencyDao.class, PaymentDao.class, RefundDao.class, ProviderEventDao.class);
        DaoWarmup.warm(primary, AnalyticsAccessDao.class);
        DaoWarmup.warm(readOnly, ProjectionStateDao.class, AnalyticsDao.class);

        ManagedAdmin kafkaAdmin = new ManagedAdmin(config.getKafka());
        environment.lifecycle().manage(kafkaAdmin);
        KafkaProducer<String, byte[]> relayProducer = new KafkaProducer<>(config.getKafka().producerProperties());
        KafkaMetricsBridge.register(environment.metrics(), "kafka.producer", relayProducer.metrics());
        OutboxRelay relay = new OutboxRelay(primary, () -> DedicatedConnections.open(config.getDatabase(), "command-service outbox relay"),
                relayProducer, config.getOutbox(), environment.metrics());
        environment.lifecycle().manage(relay);

        var memory = config.getMemory().build(environment.metrics());
        environment.lifecycle().manage(memory);
        environment.healthChecks().register("memory", memory);
        environment.healthChecks().register("kafka",
                new KafkaHealthCheck(kafkaAdmin.admin(), config.getKafka().getRequestTimeout().toJavaDuration()));
        environment.healthChecks().register("outbox-backlog",
                new OutboxBacklogHealthCheck(primary, config.getOutbox().getMaxBacklogAge().toJavaDuration(), clock));
        OutboxBacklogGauges.register(environment.metrics(), primary, clock);
        environment.healthChecks().register("projection-lag",
                new ProjectionLagHealthCheck(primary, config.getMaxProjectionLag().toJavaDuration()));

        var authConfig = config.getAuth();
        TokenService tokens = new TokenService(authConfig, clock);
        // caches re-read entries in use here, off the request threads
        ExecutorService cacheRereads = environment.lifecycle().executorService("cache-reread-%d")
                .minThreads(2).maxThreads(2).build();
        SessionCache sessions = new SessionCache(primary, authConfig.getSessionCacheTtl().toJavaDuration(), 100_000,
                cacheRereads);
        environment.metrics().gauge("auth.session-cache.hit-ratio", () -> sessions::hitRate);
        PasswordHasher passwords = new PasswordHasher(authConfig.getArgon2MemoryKib(), authConfig.getArgon2Iterations());
        AuthService authService = new AuthService(primary, passwords, tokens, sessions, clock,
                authConfig.getSessionLifetime().toJavaDuration());
        MfaService mfaService = new MfaService(primary, new SecretBox(authConfig.mfaEncryptionKeyBytes()), passwords, clock);
        CsrfTokens csrf = new CsrfTokens(authConfig.getSigningKeys().get(0).secretBytes());

        var rateLimits = config.getRateLimits();
        RateLimiter limiter = new RateLimiter(rateLimits.getMaxKeys(), rateLimits.getGroups().values().stream()
                .map(l -> l.getPer().toJavaDuration()).max(java.util.Comparator.naturalOrder())
                .orElse(java.time.Duration.ofMinutes(1)), clock);
        var jersey = environment.jersey();
        jersey.register(new AuthDynamicFeature(new TokenAuthFilter.Builder(environment.metrics())
                .setAuthenticator(new CallerAuthenticator(tokens, sessions))
                .setPrefix("Bearer")
                .setRealm("bookedbarber")
                .buildAuthFilter()));
        jersey.register(new AuthValueFactoryProvider.Binder<>(Caller.class));
        jersey.register(new ApiFilterFeature(environment.metrics(), csrf, config.getMaxBodyBytes(), rateLimits, limiter,
                primary, clock));
        environment.lifecycle().manage(new IdempotencyCleaner(primary,
                config.getIdempotencyRetention().toJavaDuration(), clock));
        jersey.register(new DomainExceptionMapper());
        jersey.register(new JsonExceptionMapper());
        jersey.register(new ViolationExceptionMapper());
        jersey.register(new WebApplicationExceptionMapper());
        jersey.register(new DatabaseExceptionMapper());
        jersey.register(new BadMessageExceptionMapper());
        jersey.register(new UnexpectedExceptionMapper());
        jersey.register(new HealthResource());
        BatchDispatcher batchDispatcher = new BatchDispatcher(environment.getObjectMapper());
        jersey.register(batchDispatcher);
        jersey.register(new BatchResource(batchDispatcher));
        AuthResource authResource = new AuthResource(authService, primary, csrf,
                authConfig.getSessionLifetime().toJavaDuration(),
                new EmailRateLimit(limiter, rateLimits.isEnabled() ? rateLimits.getGroups().get("auth") : null));
        jersey.register(authResource);
        jersey.register(new MfaResource(mfaService, authService, tokens, authResource));
        CatalogCache catalogCache = new CatalogCache(primary, config.getCatalogCacheTtl().toJavaDuration(), 10_000,
                cacheRereads);
        environment.metrics().gauge("catalog-cache.hit-ratio", () -> catalogCache::hitRate);
        BookingService bookingService = new BookingService(primary, new BookingDao(primary, environment.metrics()),
                catalogCache, clock);
        AvailabilityService availabilityService = new AvailabilityService(primary, catalogCache, clock);
        CardGateway cardGateway = new CardGateway(config.getCardProvider());
        environment.metrics().gauge("card-provider.circuit-breaker.state", () -> cardGateway::breakerState);
        environment.healthChecks().register("card-provider", new CardProviderHealthCheck(cardGateway));
        RefundService refundService = new RefundService(primary, cardGateway, catalogCache, clock);
        environment.lifecycle().manage(new RefundRetrier(primary, refundService, cardGateway,
                config.getRefundRetryEvery().toJavaDuration(), clock));
        jersey.register(new AppointmentResource(bookingService, new CancellationService(bookingService, refundService)));
        jersey.register(new PaymentResource(new PaymentService(primary, cardGateway, catalogCache, clock), refundService));
        var cardProvider = config.getCardProvider();
        jersey.register(new WebhookResource(new WebhookSignatures(cardProvider.getWebhookSecrets(),
                cardProvider.getWebhookTolerance().toSeconds(), clock),
                new WebhookService(primary, refundService, catalogCache, clock), environment.getObjectMapper()));
        jersey.register(new LocationResource(new CatalogService(primary, catalogCache), availabilityService));
        jersey.register(new PublicBookingResource(availabilityService, bookingService));
        AnalyticsCache analyticsCache = new AnalyticsCache(10_000, java.time.Duration.ofMinutes(10));
        environment.metrics().gauge("analytics-cache.hit-ratio", () -> analyticsCache::hitRate);
        // access and projection versions from memory, kept coherent by the primary's notifications
        LocationAccessCache analyticsAccess = new LocationAccessCache((location, caller) ->
                primary.withExtension(AnalyticsAccessDao.class, dao -> dao.access(location, caller)),
                10_000, java.time.Duration.ofMinutes(10));
        ProjectionVersions projectionVersions = new ProjectionVersions();
        PostgresNotifications notifications = PostgresNotifications.of(config.getDatabase(),
                "command-service notifications", List.of(analyticsAccess, projectionVersions),
                java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(1));
        environment.lifecycle().manage(notifications);
        environment.metrics().gauge("analytics.notifications.listening", () -> notifications::listening);
        jersey.register(new AnalyticsResource(readOnly, environment.getObjectMapper(), analyticsCache,
                analyticsAccess, projectionVersions));
        // last: the document is generated from every resource registered above, on first request
        // (generating it takes half a second that start-up need not wait for)
        Set<Class<?>> documented = documentedResources(jersey);
        jersey.register(new OpenApiResource(() -> ApiDocument.json(documented)));
    }

    /** Dropwizard registers a resource instance as its class plus a binder, so resources are among the classes. */
    private static Set<Class<?>> documentedResources(JerseyEnvironment jersey) {
        return Stream.concat(jersey.getResourceConfig().getClasses().stream(),
                        jersey.getResourceConfig().getInstances().stream().map(Object::getClass))
                .filter(type -> type.isAnnotationPresent(jakarta.ws.rs.Path.class))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /**
     * Jersey copies each answer through a buffer to learn its length, 8 KiB allocated per response
     * by default (14% of an analytics read's allocation). Sized to the gzip minimum, answers small
     * enough to stay uncompressed keep their Content-Length; larger ones are streamed (chunked) and
     * compressed for clients that accept gzip, as they would be anyway. Jetty takes each chunked
     * answer's 12-byte chunk-header buffer from its pool, which Dropwizard's default minimum (64
     * bytes) leaves out: every chunked answer then allocated a fresh direct buffer (native memory
     * and a Cleaner for the collector to process). The pool's minimum is lowered to that size.
     */
    private static void sizeResponseBuffers(AbstractServerFactory serverFactory, Environment environment) {
        GzipHandlerFactory gzip = serverFactory.getGzipFilterFactory();
        if (gzip.isEnabled()) {
            environment.jersey().property(ServerProperties.OUTBOUND_CONTENT_LENGTH_BUFFER,
                    Math.toIntExact(gzip.getMinimumEntitySize().toBytes()));
        }
        if (serverFactory instanceof DefaultServerFactory server) {
            for (ConnectorFactory connector : server.getApplicationConnectors()) {
                if (connector instanceof HttpConnectorFactory http
                        && http.getMinBufferPoolSize().toBytes() > HttpGenerator.CHUNK_SIZE) {
                    http.setMinBufferPoolSize(DataSize.bytes(HttpGenerator.CHUNK_SIZE));
                }
            }
        }
    }
}
