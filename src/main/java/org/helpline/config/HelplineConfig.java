package org.helpline.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Every setting of the bot, under the {@code helpline.} prefix (see the README's table). */
@ConfigMapping(prefix = "helpline")
public interface HelplineConfig {

  /** Where content comes from and how strictly it is checked. */
  ContentSettings content();

  /** How to reach the nurses before the content (and its helpline facts) is loaded. */
  Contact contact();

  /** When the bot trusts the classifier. */
  Nlu nlu();

  /** Conversation rules. */
  Dialog dialog();

  /** Limits on what people can send. */
  Chat chat();

  /** Limits on every HTTP request. */
  Http http();

  /** Where conversations are kept and for how long. */
  Storage storage();

  /** Messaging platforms. A platform without its secret configured is disabled (404). */
  Channels channels();

  /** The web chat widget and its API. */
  Web web();

  /** Staff sign-in (nurses, editors, admins). */
  Staff staff();

  /** How many messages may arrive how fast; safety escalations are never limited. */
  RateLimit rateLimit();

  /** Live chat with a nurse in the same window. */
  NurseChat nurseChat();

  /** Live chat settings. */
  interface NurseChat {

    /**
     * Whether a person handed to the nurses is offered a chat here while the line is open
     * (on the web, and in each messaging app whose send API is configured); off, they get
     * the phone number alone.
     */
    @WithDefault("true")
    boolean enabled();

    /**
     * How often an open event stream gets a comment line, so proxies keep it open and a
     * stream whose person has gone is noticed and released.
     */
    @WithDefault("15s")
    Duration keepAlive();

    /**
     * How often every instance looks for what is due to go out to people in messaging apps
     * (a send that failed for now, or one an instance died during); new messages go at once.
     */
    @WithDefault("15s")
    Duration outboxSweep();

    /**
     * How long a person waits for a nurse to take their chat before they are offered to leave
     * a message instead (they can keep waiting); checked every {@code outbox-sweep}.
     */
    @WithDefault("10m")
    Duration offerMessageAfter();

    /**
     * How long after a messaging platform's outage a nurse's message is tried again; each
     * further try waits twice as long (up to 32 times this), ten tries in all.
     */
    @WithDefault("30s")
    Duration outboxRetry();

    /**
     * How much of the line's opening time the nurses take to answer a message left while it
     * is closed: the reply-by time a person is given counts only opening hours, skipping
     * nights, weekends and bank holidays.
     */
    @WithDefault("8h")
    Duration messageReplyWithin();
  }

  /** Content settings. */
  interface ContentSettings {

    /**
     * A directory holding {@code intents/} and {@code dialogs/} that replaces the content
     * packaged into the application; no default, because the packaged content is the default.
     */
    Optional<Path> dir();

    /** Fewest training examples an intent may have. */
    @WithDefault("25")
    int minExamples();

    /** Longest text of one chat bubble. */
    @WithDefault("600")
    int maxReplyLength();

    /** An answer reviewed longer ago than this is reported as due for review. */
    @WithDefault("365d")
    Duration reviewMaxAge();

    /**
     * What a build whose packaged content no version holds does with it at start-up:
     * {@code draft} (the default) makes it a draft for sign-off; {@code publish} makes it the
     * live version at once, without a clinician (dev mode, where the files in git are edited).
     */
    @WithDefault("draft")
    NewBuild newBuild();

    /** See {@link #newBuild()}. */
    enum NewBuild { DRAFT, PUBLISH }

    /** Largest content file or zipped content tree an editor may upload. */
    @WithDefault("2M")
    MemorySize maxUpload();

    /**
     * How often each instance checks which content version is live, in case it missed the
     * signal of a publish or a restore (it normally switches within a second of one).
     */
    @WithDefault("30s")
    Duration liveCheck();
  }

  /** The helpline's number for the moments before the content is loaded. */
  interface Contact {

    /**
     * The nurse helpline number people are given while the bot is starting (problem details,
     * the widget's contact endpoint); once the content is loaded its {@code helpline.yml}
     * gives it. No default here: it is set in {@code application.properties}, so the number
     * is written in no Java file.
     */
    String phone();
  }

  /**
   * Classifier thresholds, calibrated by 5-fold cross-validation on {@code intents/} only,
   * through the whole turn, with wrong answers counting double ({@code docs/calibration.md},
   * regenerated by the evaluation command's {@code calibrate} mode): no setting of any of the
   * four scores clearly better than these. Never tuned on the development or blind test set.
   */
  interface Nlu {

    /** Top probability needed to answer. */
    @WithDefault("0.6")
    double minConfidence();

    /** Lead over the runner-up needed to answer without asking. */
    @WithDefault("0.4")
    double minMargin();

    /** Probability both candidates need before the bot asks "A or B?". */
    @WithDefault("0.2")
    double clarifyFloor();

    /** Probability at which the emergency and self-harm intents escalate on their own. */
    @WithDefault("0.35")
    double safetyNetConfidence();

    /** Maximum training iterations of the maxent model. */
    @WithDefault("100")
    int iterations();
  }

  /** Conversation rules. */
  interface Dialog {

    /** Fallbacks or clarifications in a row before the bot hands off to the nurses. */
    @WithDefault("3")
    int maxMisunderstandings();
  }

  /** Chat input limits. */
  interface Chat {

    /** Longest message text accepted, in characters. */
    @WithDefault("1000")
    int maxTextLength();
  }

  /** Limits on every HTTP request. */
  interface Http {

    /**
     * Largest request body, except the content editors' uploads
     * ({@code helpline.content.max-upload}); larger ones get 413.
     */
    @WithDefault("64K")
    MemorySize maxBodySize();
  }

  /** Storage and retention. */
  interface Storage {

    /** Directory of the embedded database's files. */
    @WithDefault("./data")
    String dataDir();

    /** How long transcripts and conversations are kept. */
    @WithDefault("30d")
    Duration transcriptRetention();

    /** How long handoff records are kept (longer: the nurses follow up on them). */
    @WithDefault("365d")
    Duration handoffRetention();

    /** A conversation idle for longer than this ends; the next message starts a new one. */
    @WithDefault("30m")
    Duration idleTimeout();

    /** How often the retention job runs. */
    @WithDefault("1h")
    String retentionCheckEvery();

    /**
     * Whether the embedded database forces every commit to the disk before the turn is
     * answered (an fsync, shared by the turns that commit together), so that acknowledged
     * turns survive a power cut too. Off by default: a commit is then in the database file
     * before it returns, which survives a killed process, and the operating system puts it on
     * the disk within seconds. PostgreSQL syncs every commit itself.
     */
    @WithDefault("false")
    boolean syncToDisk();
  }

  /** Messaging platform settings; secrets come from the environment only. */
  interface Channels {

    /**
     * Key of the HMAC that turns a platform's user id (often a phone number) into the
     * conversation key we store; no default because it is a secret. Without it a random key is
     * made at start-up, so conversations on messaging apps do not survive a restart.
     */
    Optional<String> userIdKey();

    /** WhatsApp Cloud API. */
    Meta whatsapp();

    /** Facebook Messenger. */
    Messenger messenger();

    /** Twilio SMS and WhatsApp. */
    Twilio twilio();

    /** Telegram Bot API. */
    Telegram telegram();
  }

  /** What every Meta app (WhatsApp Cloud API, Messenger) is configured with. */
  interface MetaApp {

    /** App secret that signs webhook bodies (X-Hub-Signature-256); no default: a secret. */
    Optional<String> appSecret();

    /** Token echoed in the subscription handshake; no default: a secret. */
    Optional<String> verifyToken();

    /** Graph API base URL. */
    @WithDefault("https://graph.facebook.com/v21.0")
    String apiBaseUrl();
  }

  /** WhatsApp Cloud API settings. */
  interface Meta extends MetaApp {

    /** Bearer token for the Graph API; no default: a secret. */
    Optional<String> accessToken();

    /**
     * The approved message template sent when a nurse writes more than 24 hours after the
     * person's last message (WhatsApp then refuses free text): it tells them a reply is
     * waiting, and the reply follows when they answer. Without one the reply waits, unsent,
     * until they write again.
     */
    Optional<String> replyTemplate();

    /** The language code the reply template was approved in. */
    @WithDefault("en_GB")
    String replyTemplateLanguage();
  }

  /** Messenger settings. */
  interface Messenger extends MetaApp {

    /** Page access token for the Send API; no default: a secret. */
    Optional<String> pageAccessToken();
  }

  /** Twilio settings. */
  interface Twilio {

    /** Auth token that signs requests (X-Twilio-Signature); no default: a secret. */
    Optional<String> authToken();

    /** The public URL Twilio calls and signs; no default: it depends on the deployment. */
    Optional<String> webhookUrl();

    /**
     * The account whose Messages API sends what a nurse writes (with the auth token); no
     * default. Without it, people on SMS are not offered a chat or a message with a nurse.
     */
    Optional<String> accountSid();

    /** Twilio's REST API base URL. */
    @WithDefault("https://api.twilio.com")
    String apiBaseUrl();
  }

  /** Telegram settings. */
  interface Telegram {

    /** Secret token Telegram sends in X-Telegram-Bot-Api-Secret-Token; no default: a secret. */
    Optional<String> secretToken();

    /**
     * The bot's token, for {@code sendMessage} when a nurse writes; no default: a secret.
     * Without it, people on Telegram are not offered a chat or a message with a nurse.
     */
    Optional<String> botToken();

    /** Telegram Bot API base URL. */
    @WithDefault("https://api.telegram.org")
    String apiBaseUrl();
  }

  /** Web chat settings. */
  interface Web {

    /** Origins allowed to call the chat API from a browser; empty means same origin only. */
    Optional<List<String>> allowedOrigins();

    /**
     * Who may show the demo page in a frame: the CSP {@code frame-ancestors} source list, e.g.
     * {@code https://www.example.org}; {@code 'none'} means no one.
     */
    @WithDefault("'none'")
    String frameAncestors();
  }

  /** Staff accounts. */
  interface Staff {

    /**
     * A file outside the repository with one account per line, {@code name:bcrypt-hash:roles}
     * (roles comma-separated from nurse, editor, admin); no default: without it no one can
     * sign in and every staff endpoint answers 401.
     */
    Optional<Path> usersFile();

    /**
     * Failed sign-ins allowed per staff name before sign-in with that name is refused; the
     * name regains that many attempts per {@link #signInPeriod()}.
     */
    @WithDefault("10")
    long signInFailures();

    /** The period over which a staff name regains its failed sign-in attempts. */
    @WithDefault("15m")
    Duration signInPeriod();

    /**
     * How long a correct sign-in is remembered (as a keyed hash, in memory), so the console's
     * requests are not each checked against bcrypt; {@code 0s} checks every request.
     */
    @WithDefault("5m")
    Duration signInMemory();
  }

  /**
   * Token buckets: each key may send {@code capacity} messages at once and regains that many
   * per {@code period}. A message that the safety screen escalates is always answered.
   */
  interface RateLimit {

    /** Off only for benchmarks of the pipeline itself. */
    @WithDefault("true")
    boolean enabled();

    /** The period over which each capacity refills. */
    @WithDefault("1m")
    Duration period();

    /** Messages per period in one conversation. */
    @WithDefault("20")
    long perConversation();

    /** Messages per period from one client address (web chat; many people may share one). */
    @WithDefault("120")
    long perClientAddress();

    /** Messages per period from one messaging-app sender. */
    @WithDefault("20")
    long perSender();
  }
}
