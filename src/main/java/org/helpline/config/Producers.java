package org.helpline.config;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.AgroalConnectionFactoryConfiguration;
import io.agroal.api.configuration.AgroalConnectionPoolConfiguration;
import io.agroal.api.configuration.supplier.AgroalConnectionFactoryConfigurationSupplier;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.SimplePassword;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import io.quarkus.arc.All;
import org.helpline.channel.messaging.AppSender;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.helpline.content.ContentException;
import org.helpline.content.ContentLoader;
import org.helpline.content.ContentProblem;
import org.helpline.content.ContentSource;
import org.helpline.eval.EvaluationSets;
import org.helpline.content.ContentVersion;
import org.helpline.content.ContentVersionStore;
import org.helpline.staff.content.ContentWorkflow;
import org.helpline.staff.content.DraftBots;
import org.helpline.staff.content.DraftChat;
import org.helpline.staff.content.DraftEvaluations;
import org.helpline.staff.content.LiveContent;
import org.helpline.storage.JdbcContentVersionStore;
import org.helpline.conversation.ChatMessage;
import org.helpline.conversation.BotFactory;
import org.helpline.conversation.BotHolder;
import org.helpline.conversation.ConversationService;
import org.helpline.conversation.NurseChat;
import org.helpline.conversation.Notices;
import org.helpline.conversation.ConversationStore;
import org.helpline.conversation.HelplineBot;
import org.helpline.conversation.InMemoryRateLimitBuckets;
import org.helpline.conversation.RateLimitBuckets;
import org.helpline.conversation.RateLimits;
import org.helpline.conversation.SenderKeys;
import org.helpline.staff.SignInThrottle;
import org.helpline.staff.editor.ContentReloader;
import org.helpline.staff.editor.DevelopmentEvaluation;
import org.helpline.staff.editor.DevelopmentSet;
import org.helpline.feedback.FeedbackService;
import org.helpline.insights.InsightsStore;
import org.helpline.storage.GroupCommitDataSource;
import org.helpline.storage.InProcessSignals;
import org.helpline.storage.PostgresRateLimitBuckets;
import org.helpline.storage.PostgresSignals;
import org.helpline.storage.Signals;
import org.helpline.storage.JdbcHandoffQueue;
import org.helpline.storage.JdbcConversationStore;
import org.helpline.storage.JdbcFeedbackStore;
import org.helpline.storage.JdbcInsightsStore;
import org.jboss.logging.Logger;

/** The one place that knows how the pure parts are built and wired (CDI producers). */
@ApplicationScoped
public class Producers {

  private static final Logger LOG = Logger.getLogger(Producers.class);
  private static final Duration EVALUATION_DELAY = Duration.ofSeconds(20);
  /**
   * Connections of the shared rate limits' own pool: a take is one short transaction per key
   * (about 0.25 ms each locally), and four connections take about 3,000 messages a second,
   * above the service's own throughput on PostgreSQL (docs/benchmarks.md), without counting
   * much against PostgreSQL's connections.
   */
  private static final int RATE_LIMIT_CONNECTIONS = 4;
  /** How long a message waits for a rate-limit connection before it is let through unlimited. */
  private static final Duration RATE_LIMIT_WAIT = Duration.ofSeconds(1);
  private static final String RATE_LIMIT_SESSION = "SET synchronous_commit = off";

  @Produces
  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }

  @Produces
  @Singleton
  BotFactory botFactory(HelplineConfig config, Clock clock) {
    return HelplineSettings.botFactory(config, clock);
  }

  @Produces
  @Singleton
  BotHolder botHolder() {
    return new BotHolder();
  }

  /** The notice and error texts; before content is loaded, the packaged notices. */
  @Produces
  @Singleton
  Notices notices(BotHolder bots, HelplineConfig config) {
    ContentSource packaged = ContentSource.classpath(
        Thread.currentThread().getContextClassLoader());
    return new Notices(bots, config.contact().phone(),
        () -> ContentLoader.readNotices(packaged));
  }

  /**
   * The one active datasource, which every store uses: the embedded H2 database by default,
   * PostgreSQL with the {@code postgresql} profile (see README, Storage).
   */
  @Produces
  @Singleton
  DataSource dataSource(@Any InjectableInstance<AgroalDataSource> dataSources,
      HelplineConfig config) {
    List<AgroalDataSource> active = dataSources.listActive();
    if (active.size() != 1) {
      throw new IllegalStateException("exactly one datasource must be active, found "
          + active.size() + ": set quarkus.datasource.<name>.active");
    }
    AgroalDataSource dataSource = active.get(0);
    AgroalConnectionFactoryConfiguration factory = factory(dataSource);
    if (!factory.jdbcUrl().startsWith("jdbc:h2:")) {
      return dataSource;
    }
    // The embedded database: group commit, with the checkpoints on a connection of their own.
    JdbcDataSource unpooled = new JdbcDataSource();
    unpooled.setURL(factory.jdbcUrl());
    unpooled.setUser(factory.principal().getName());
    unpooled.setPassword(password(factory));
    return new GroupCommitDataSource(dataSource, unpooled, config.storage().syncToDisk());
  }

  /**
   * Signals between instances (live chat, queue): through PostgreSQL's LISTEN/NOTIFY on a
   * connection of their own when instances share PostgreSQL; in process on the embedded
   * database, which serves one instance.
   */
  @Produces
  @Singleton
  Signals signals(@Any InjectableInstance<AgroalDataSource> dataSources, DataSource pool) {
    AgroalConnectionFactoryConfiguration factory = factory(dataSources.listActive().get(0));
    if (!isShared(factory)) {
      return new InProcessSignals();
    }
    PGSimpleDataSource unpooled = new PGSimpleDataSource();
    unpooled.setURL(factory.jdbcUrl());
    unpooled.setUser(factory.principal().getName());
    unpooled.setPassword(password(factory));
    return new PostgresSignals(pool, unpooled);
  }

  void closeSignals(@Disposes Signals signals) {
    signals.close();
  }

  /**
   * Whether instances share the database (PostgreSQL) and so must share what would otherwise
   * stay in one instance: signals, rate limits, content reloads. The embedded database serves
   * one instance.
   */
  private static boolean isShared(AgroalConnectionFactoryConfiguration factory) {
    return factory.jdbcUrl().startsWith("jdbc:postgresql:");
  }

  private static boolean isShared(InjectableInstance<AgroalDataSource> dataSources) {
    return isShared(factory(dataSources.listActive().get(0)));
  }

  private static AgroalConnectionFactoryConfiguration factory(AgroalDataSource dataSource) {
    return dataSource.getConfiguration().connectionPoolConfiguration()
        .connectionFactoryConfiguration();
  }

  /** The configured password, or null. */
  private static String password(AgroalConnectionFactoryConfiguration factory) {
    return factory.credentials().stream().filter(SimplePassword.class::isInstance)
        .map(SimplePassword.class::cast).findFirst().map(SimplePassword::getWord)
        .orElse(null);
  }

  /** Conversations live in the active datasource ({@link #dataSource}). */
  @Produces
  @Singleton
  ConversationStore conversationStore(DataSource dataSource, JdbcHandoffQueue queue) {
    return new JdbcConversationStore(dataSource, queue);
  }

  @Produces
  @Singleton
  SignInThrottle signInThrottle(HelplineConfig config) {
    return new SignInThrottle(config.staff().signInFailures(), config.staff().signInPeriod());
  }

  /**
   * Rate limits: buckets in a table that every instance counts against when they share
   * PostgreSQL (with a small pool of their own: see PostgresRateLimitBuckets); in memory on the
   * embedded database, which serves one instance.
   */
  @Produces
  @Singleton
  RateLimits rateLimits(HelplineConfig config,
      @Any InjectableInstance<AgroalDataSource> dataSources) {
    HelplineConfig.RateLimit limits = config.rateLimit();
    AgroalDataSource active = dataSources.listActive().get(0);
    RateLimitBuckets buckets = limits.enabled() && isShared(factory(active))
        ? new PostgresRateLimitBuckets(rateLimitPool(active), addressKeys(config))
        : new InMemoryRateLimitBuckets();
    return new RateLimits(limits.enabled(), limits.period(), limits.perConversation(),
        limits.perClientAddress(), limits.perSender(), buckets);
  }

  void closeRateLimits(@Disposes RateLimits rateLimits) {
    rateLimits.close();
  }

  /**
   * A pool for the rate limits alone, to the same server with the same credentials and checks
   * as the application's, but small, and quick to give up: a message never waits long for its
   * rate limits (it is let through instead). Its commits do not wait for the disk
   * ({@code synchronous_commit = off}, for these connections only): a crash of PostgreSQL may
   * forget the last fraction of a second of bucket updates, which only gives back a few tokens,
   * and a take costs half as much (0.5 ms instead of 1.1 ms on one thread, measured locally).
   */
  private static AgroalDataSource rateLimitPool(AgroalDataSource application) {
    AgroalConnectionPoolConfiguration pool =
        application.getConfiguration().connectionPoolConfiguration();
    AgroalConnectionFactoryConfiguration connections = pool.connectionFactoryConfiguration();
    String initialSql = connections.initialSql() == null || connections.initialSql().isBlank()
        ? RATE_LIMIT_SESSION : RATE_LIMIT_SESSION + "; " + connections.initialSql();
    try {
      return AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
          .connectionPoolConfiguration(limits -> limits.maxSize(RATE_LIMIT_CONNECTIONS)
              .acquisitionTimeout(RATE_LIMIT_WAIT)
              .connectionValidator(pool.connectionValidator())
              .idleValidationTimeout(pool.idleValidationTimeout())
              .validationTimeout(pool.validationTimeout())
              .connectionFactoryConfiguration(
                  new AgroalConnectionFactoryConfigurationSupplier(connections)
                      .initialSql(initialSql))));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot make the rate limits' connection pool", e);
    }
  }

  /**
   * The keyed hash that keeps client addresses out of the shared buckets' table: the senders'
   * key, which every instance must share anyway.
   */
  private static SenderKeys addressKeys(HelplineConfig config) {
    return config.channels().userIdKey()
        .map(secret -> new SenderKeys(secret.getBytes(StandardCharsets.UTF_8)))
        .orElseGet(() -> {
          LOG.warn("helpline.channels.user-id-key is not set: client addresses are hashed"
              + " with a random key, so each instance limits an address on its own");
          return SenderKeys.random();
        });
  }

  @Produces
  @Singleton
  ConversationService conversationService(BotHolder bots, ConversationStore store, Clock clock,
      HelplineConfig config, RateLimits rateLimits, MeterRegistry meters,
      NurseChat nurseChat) {
    SenderKeys senderKeys = config.channels().userIdKey()
        .map(secret -> new SenderKeys(secret.getBytes(StandardCharsets.UTF_8)))
        .orElseGet(() -> {
          LOG.warn("helpline.channels.user-id-key is not set: using a random key, so"
              + " messaging-app conversations will not continue after a restart");
          return SenderKeys.random();
        });
    return new ConversationService(bots, store, clock, config.chat().maxTextLength(),
        config.storage().idleTimeout(), senderKeys, rateLimits,
        new MicrometerTurnMetrics(meters), nurseChat);
  }

  /** Chats and messages with a nurse, on the web and in the apps that can send. */
  @Produces
  @Singleton
  NurseChat nurseChat(HelplineConfig config, @All List<AppSender> senders) {
    return new NurseChat(config.nurseChat().enabled(), config.nurseChat().messageReplyWithin(),
        config.storage().transcriptRetention(), nurseChannels(senders));
  }

  /** The web chat, and each messaging app a nurse can write to (its send API configured). */
  static Set<String> nurseChannels(List<AppSender> senders) {
    Set<String> channels = new TreeSet<>(Set.of(ChatMessage.WEB));
    senders.stream().filter(AppSender::enabled).map(AppSender::channel).forEach(channels::add);
    LOG.infof("nurses can chat and take messages on: %s", channels);
    return channels;
  }

  @Produces
  @Singleton
  FeedbackService feedbackService(DataSource dataSource, Clock clock, BotHolder bots) {
    return new FeedbackService(new JdbcFeedbackStore(dataSource), clock, bots::redactor);
  }

  @Produces
  @Singleton
  InsightsStore insightsStore(DataSource dataSource) {
    return new JdbcInsightsStore(dataSource);
  }

  /** The development set packaged at build time; evaluated off the request threads. */
  @Produces
  @Singleton
  DevelopmentEvaluation developmentEvaluation(BotHolder bots, Clock clock) {
    return new DevelopmentEvaluation(bots,
        DevelopmentSet.fromClasspath(Thread.currentThread().getContextClassLoader()), clock);
  }

  void closeEvaluation(@Disposes DevelopmentEvaluation evaluation) {
    evaluation.close();
  }

  /**
   * Content reloads, and the signal that makes every instance reload after one: followed from
   * start-up when instances share PostgreSQL. (On the embedded database there is one instance,
   * which has reloaded already.)
   */
  @Produces
  @Singleton
  @Startup
  ContentReloader contentReloader(BotFactory factory, BotHolder holder, HelplineConfig config,
      DevelopmentEvaluation evaluation, Signals signals,
      @Any InjectableInstance<AgroalDataSource> dataSources) {
    ContentReloader reloader = new ContentReloader(factory, holder, config.content().dir(),
        evaluation::submit, signals);
    if (isShared(dataSources)) {
      reloader.followOtherInstances();
    }
    return reloader;
  }

  void closeContentReloader(@Disposes ContentReloader reloader) {
    reloader.close();
  }

  /** Content versions and drafts, in the active datasource. */
  @Produces
  @Singleton
  ContentVersionStore contentVersionStore(DataSource dataSource) {
    return new JdbcContentVersionStore(dataSource);
  }

  /** The live content version, followed on every instance (signal {@value LiveContent#TOPIC}). */
  @Produces
  @Singleton
  LiveContent liveContent(BotFactory factory, BotHolder holder, ContentVersionStore store,
      Signals signals, DevelopmentEvaluation evaluation, Clock clock) {
    return new LiveContent(factory, holder, store, signals, evaluation::submit, clock,
        LiveContent.TOPIC);
  }

  void closeLiveContent(@Disposes LiveContent live) {
    live.close();
  }

  @Produces
  @Singleton
  ContentWorkflow contentWorkflow(ContentVersionStore store, BotFactory factory,
      LiveContent live, Clock clock, BotHolder bots, HelplineConfig config,
      DraftEvaluations evaluations) {
    return new ContentWorkflow(store, factory, live, clock, () -> bots.current()
        .map(b -> ZoneId.of(b.content().helpline().timeZone())).orElse(ZoneOffset.UTC),
        config.content().dir(), evaluations);
  }

  /** Drafts' evaluations beside the live version, on the sets this build carries. */
  @Produces
  @Singleton
  DraftEvaluations draftEvaluations(DraftBots drafts, BotHolder bots,
      ContentVersionStore store) {
    return new DraftEvaluations(drafts, bots, store,
        EvaluationSets.fromClasspath(Thread.currentThread().getContextClassLoader()));
  }

  void closeDraftEvaluations(@Disposes DraftEvaluations evaluations) {
    evaluations.close();
  }

  /** The bots of drafts being tried (chat, evaluation). */
  @Produces
  @Singleton
  DraftBots draftBots(ContentVersionStore store, BotFactory factory) {
    return new DraftBots(store, factory);
  }

  @Produces
  @Singleton
  DraftChat draftChat(DraftBots bots, Clock clock) {
    return new DraftChat(bots, clock);
  }

  /**
   * Loads, validates and trains before the application takes traffic. Invalid content stops
   * start-up with the full report; it is never half-loaded.
   */
  void loadContent(@Observes StartupEvent event, BotFactory factory, BotHolder holder,
      HelplineConfig config, DevelopmentEvaluation evaluation, LiveContent live) {
    ContentSource source = config.content().dir().map(ContentSource::directory)
        .orElseGet(() -> ContentSource.classpath(Thread.currentThread().getContextClassLoader()));
    long start = System.nanoTime();
    BotFactory.Built built;
    try {
      built = factory.buildWithWarnings(source);
    } catch (ContentException e) {
      LOG.errorf("Content from %s is invalid; refusing to start.%n%s", source.describe(),
          e.getMessage());
      throw e;
    }
    HelplineBot packaged = built.bot();
    String from = source.describe();
    if (config.content().dir().isPresent()) {
      holder.swap(packaged);
    } else {
      // Content kept in the database: this build's content becomes a version when it is new;
      // the live version is served, and every later publish or restore followed.
      ContentVersion version = live.start(packaged, source,
          config.content().newBuild() == HelplineConfig.ContentSettings.NewBuild.PUBLISH);
      live.follow(config.content().liveCheck());
      from = "the database (version " + version.version() + ", " + version.origin() + ")";
    }
    HelplineBot bot = holder.current().orElse(packaged);
    logDueForReview(built.dueForReview());
    logAwaitingReview(built.awaitingReview());
    // The editors' development report is not needed to take traffic: run it once start-up is
    // over (an editor asking earlier starts it at once), so it does not compete with start-up
    // for the CPU.
    CompletableFuture.delayedExecutor(EVALUATION_DELAY.toMillis(), TimeUnit.MILLISECONDS)
        .execute(() -> evaluation.submit(holder.current().orElse(bot)));
    LOG.infof("Content %s from %s: %d intents, %d examples, %d dialogs; model %s in %d ms;"
        + " ready in %d ms", bot.content().version(), from,
        bot.content().intents().size(), bot.content().examples().size(),
        bot.content().dialogs().size(), bot.modelPackaged() ? "loaded (packaged at build)"
        : "trained", bot.trainingTime().toMillis(),
        (System.nanoTime() - start) / 1_000_000);
  }

  /**
   * Logs how many texts no clinician has reviewed yet: a count only (each is listed, with its
   * file, by the validator and the editors' reload report).
   */
  private static void logAwaitingReview(List<ContentProblem> awaiting) {
    if (!awaiting.isEmpty()) {
      LOG.warnf("%d content file(s) awaiting clinical review: their answers say so until a"
          + " clinician reviews them", awaiting.size());
    }
  }

  /** Logs which files are due for clinical review: file names and a count, nothing else. */
  private static void logDueForReview(List<ContentProblem> due) {
    if (!due.isEmpty()) {
      LOG.warnf("%d content file(s) due for clinical review: %s", due.size(),
          due.stream().map(ContentProblem::file).distinct().toList());
    }
  }
}
