package dev.forgebot.adapter.telegram;

import dev.forgebot.adapter.telegram.api.SendMessageRequest;
import dev.forgebot.adapter.telegram.api.SendMessageRequest.Keyboard;
import dev.forgebot.adapter.telegram.api.TelegramApi;
import dev.forgebot.adapter.telegram.api.TelegramApiException;
import dev.forgebot.adapter.telegram.api.TelegramUnreachableException;
import dev.forgebot.adapter.telegram.dto.Message;
import dev.forgebot.application.port.out.Messenger;
import dev.forgebot.application.port.out.OutboundMessage;
import dev.forgebot.application.port.out.SendResult;
import dev.forgebot.application.port.out.Sleeper;
import dev.forgebot.application.port.out.TransientStorageException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Messenger} on Telegram: {@code sendMessage} through a {@link TelegramApi}, plain or
 * {@code parse_mode=HTML} as the message's format says.
 *
 * <p>What it takes care of:
 * <ul>
 *   <li>Length: a text over 4096 characters goes out in parts, in order (see {@link MessageSplitter});
 *       the reference returned is the last part's, and a contact keyboard rides on the last part.</li>
 *   <li>Keyboards: {@code REQUEST_CONTACT} shows the contact button; the next message to that chat
 *       without a keyboard removes it ({@code ReplyKeyboardRemove}), and later ones carry no markup.</li>
 *   <li>Flood limits ({@link FloodControl}): it waits for a free slot, and a 429 pauses the chat that got
 *       it (everything only when several chats get one at once); then it resends, at most
 *       {@value #MAX_RATE_LIMITED_RESENDS} times. A wait longer than
 *       {@link MessengerSettings#maxInlineWait()} is not waited out: the send answers
 *       {@link SendResult.RateLimited} and the caller retries later.</li>
 *   <li>Migrated groups: sends go to the supergroup a group became ({@link ChatMigrations}); a send
 *       refused with {@code migrate_to_chat_id} records it and is resent there once.</li>
 *   <li>Refusals: a blocked bot or a deactivated user is {@link SendResult.Blocked}; a kicked bot or an
 *       unknown chat is {@link SendResult.ChatGone}; HTML Telegram cannot parse is resent once as plain
 *       text; "message is too long" is split again at half the size and resent once; a wrong token or
 *       URL (401/404) and any other refusal are {@link SendResult.Rejected}.</li>
 * </ul>
 *
 * <p>Failures: {@code sendMessage} has no idempotency key, so a message is resent only when Telegram
 * cannot have it: the request never left, or Telegram answered 429 or 5xx. Those are resent after
 * 0.5 s, 1 s and 2 s (plus up to 25% jitter); when the last resend fails too, or when a request went out
 * and no answer came (it may have been delivered), the send throws {@link TransientStorageException},
 * the port's signal that the outcome is unknown. Parts sent before a failing part stay sent. Message
 * texts are never logged; chat ids, part numbers and outcomes are.
 *
 * <p>Thread-safe: meant to be called by many senders at once; a sender for one chat never waits
 * behind another chat's limit.
 */
public final class TelegramMessenger implements Messenger {

    /** Resends after a 429 before the send answers {@link SendResult.RateLimited}. */
    static final int MAX_RATE_LIMITED_RESENDS = 3;

    /** Waits before the resends after a failure Telegram cannot have acted on; their count is the resend limit. */
    static final List<Duration> BACKOFF = List.of(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2));

    /** At most this share of a backoff wait is added at random, so senders that failed together spread out. */
    static final double JITTER = 0.25;

    /** Assumed when a 429 does not say how long to wait (it always should). */
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);

    private static final String OPERATION = "telegram.sendMessage";

    private static final Logger log = LoggerFactory.getLogger(TelegramMessenger.class);

    private final TelegramApi api;
    private final ChatMigrations migrations;
    private final MessengerSettings settings;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final FloodControl flood;
    private final int partLimit;
    private final RateLimitObserver observer;
    /** Chats (as the application knows them) last shown the contact keyboard. */
    private final Set<Long> showingContactKeyboard = ConcurrentHashMap.newKeySet();

    /**
     * @param api        the Bot API
     * @param migrations the groups known to have become supergroups, shared with the update mapper
     * @param settings   flood limits and the longest wait within one send
     * @param clock      the time the flood limits are kept by
     * @param sleeper    how the messenger waits
     */
    public TelegramMessenger(TelegramApi api, ChatMigrations migrations, MessengerSettings settings, Clock clock,
            Sleeper sleeper) {
        this(api, migrations, settings, clock, sleeper, RateLimitObserver.NONE);
    }

    /**
     * As above, telling {@code observer} about every 429 and the scope it paused (for metrics).
     */
    public TelegramMessenger(TelegramApi api, ChatMigrations migrations, MessengerSettings settings, Clock clock,
            Sleeper sleeper, RateLimitObserver observer) {
        this(api, migrations, settings, clock, sleeper, () -> ThreadLocalRandom.current().nextLong(),
                MessageSplitter.TELEGRAM_LIMIT, observer);
    }

    /** With the jitter's random numbers given (thread-safe, as the messenger is) and a part limit. */
    TelegramMessenger(TelegramApi api, ChatMigrations migrations, MessengerSettings settings, Clock clock,
            Sleeper sleeper, RandomGenerator random, int partLimit) {
        this(api, migrations, settings, clock, sleeper, random, partLimit, RateLimitObserver.NONE);
    }

    /** With the jitter's random numbers, a part limit and an observer of 429s given. */
    TelegramMessenger(TelegramApi api, ChatMigrations migrations, MessengerSettings settings, Clock clock,
            Sleeper sleeper, RandomGenerator random, int partLimit, RateLimitObserver observer) {
        this.observer = Objects.requireNonNull(observer, "observer");
        this.api = Objects.requireNonNull(api, "api");
        this.migrations = Objects.requireNonNull(migrations, "migrations");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.random = Objects.requireNonNull(random, "random");
        this.flood = new FloodControl(settings.floodLimits(), Objects.requireNonNull(clock, "clock"));
        if (partLimit < MessageSplitter.MIN_LIMIT * 2 || partLimit > MessageSplitter.TELEGRAM_LIMIT) {
            throw new IllegalArgumentException("partLimit must be " + MessageSplitter.MIN_LIMIT * 2 + ".."
                    + MessageSplitter.TELEGRAM_LIMIT + ", was " + partLimit);
        }
        this.partLimit = partLimit;
    }

    /**
     * Sends the message, in parts if it is long.
     *
     * @throws TransientStorageException when Telegram could not be reached after the resends allowed, when
     *                                   a request went out and no answer came, or when interrupted while
     *                                   waiting; whether (all of) the message went out is then unknown
     */
    @Override
    public SendResult send(OutboundMessage message) {
        long chat = message.chatId().value();
        boolean html = message.format() == OutboundMessage.Format.HTML;
        Deque<Piece> pending = new ArrayDeque<>();
        try {
            MessageSplitter.split(message.text(), html, partLimit).forEach(text -> pending.add(new Piece(text, html)));
        } catch (IllegalArgumentException unsplittable) {
            log.warn("message not sent, it cannot be split chat={} length={} reason={}", chat, message.text().length(),
                    unsplittable.getMessage());
            return new SendResult.Rejected(unsplittable.getMessage());
        }
        Keyboard keyboard = switch (message.keyboard()) {
            case REQUEST_CONTACT -> Keyboard.REQUEST_CONTACT;
            case NONE -> showingContactKeyboard.contains(chat) ? Keyboard.REMOVE : Keyboard.NONE;
        };
        try {
            return sendParts(chat, pending, keyboard);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("send interrupted while waiting chat={}", chat);
            throw new TransientStorageException(OPERATION, "interrupted while waiting to send", e);
        }
    }

    private SendResult sendParts(long chat, Deque<Piece> pending, Keyboard keyboard) throws InterruptedException {
        int sent = 0;
        String lastRef = null;
        boolean sentAsPlain = false;
        boolean splitAgain = false;
        while (!pending.isEmpty()) {
            Piece piece = pending.removeFirst();
            boolean last = pending.isEmpty();
            Part part = new Part(chat, sent + 1, sent + 1 + pending.size());
            PartOutcome outcome = sendPart(part, piece, last ? keyboard : Keyboard.NONE);
            switch (outcome) {
                case PartOutcome.Delivered delivered -> {
                    sent++;
                    lastRef = delivered.messageRef();
                    if (last) {
                        rememberKeyboard(chat, keyboard);
                    }
                }
                case PartOutcome.Failed failed -> {
                    if (!failed.logged()) {
                        logFailure(part, failed.result());
                    }
                    return failed.result();
                }
                case PartOutcome.BadMarkup bad -> {
                    if (!piece.html() || sentAsPlain) {
                        log.warn("message rejected, Telegram could not parse it {} reason={}", part, bad.description());
                        return new SendResult.Rejected(bad.description());
                    }
                    sentAsPlain = true;
                    log.warn("Telegram could not parse the HTML, resending as plain text {} reason={}", part,
                            bad.description());
                    List<Piece> rest = new ArrayList<>(pending.size() + 1);
                    rest.add(piece);
                    rest.addAll(pending);
                    pending.clear();
                    rest.stream().map(Piece::asPlain).filter(p -> !p.text().isBlank()).forEach(pending::add);
                }
                case PartOutcome.TooLong tooLong -> {
                    if (splitAgain) {
                        log.warn("message rejected as too long after splitting again {}", part);
                        return new SendResult.Rejected(tooLong.description());
                    }
                    splitAgain = true;
                    List<String> smaller;
                    try {
                        smaller = MessageSplitter.split(piece.text(), piece.html(), partLimit / 2);
                    } catch (IllegalArgumentException unsplittable) {
                        log.warn("message rejected as too long, it cannot be split smaller {}", part);
                        return new SendResult.Rejected(tooLong.description());
                    }
                    log.warn("Telegram found a part too long, splitting it into {} smaller parts {}", smaller.size(),
                            part);
                    for (int i = smaller.size() - 1; i >= 0; i--) {
                        pending.addFirst(new Piece(smaller.get(i), piece.html()));
                    }
                }
            }
        }
        if (lastRef == null) {
            log.warn("message not sent, nothing visible in it chat={}", chat);
            return new SendResult.Rejected("the message has no visible text");
        }
        log.debug("sent chat={} parts={}", chat, sent);
        return new SendResult.Sent(lastRef);
    }

    /** Sends one part, resending as far as the failure allows. */
    private PartOutcome sendPart(Part part, Piece piece, Keyboard keyboard) throws InterruptedException {
        boolean migrated = false;
        int rateLimitedResends = 0;
        int resends = 0;
        while (true) {
            long target = migrations.current(part.chat());
            Duration wait = flood.reserve(target, settings.maxInlineWait());
            if (wait.compareTo(settings.maxInlineWait()) > 0) {
                return new PartOutcome.Failed(new SendResult.RateLimited(wait));
            }
            if (wait.isPositive()) {
                sleeper.sleep(wait);
            }
            try {
                Message sent = api.sendMessage(new SendMessageRequest(target, piece.text(), piece.html(), keyboard));
                return new PartOutcome.Delivered(messageRef(sent, target));
            } catch (TelegramApiException e) {
                if (e.isTooManyRequests()) {
                    Duration retryAfter = e.retryAfter().orElse(DEFAULT_RETRY_AFTER);
                    boolean everyChat = flood.tooManyRequests(target, retryAfter);
                    observer.rateLimited(everyChat ? RateLimitObserver.Scope.ALL
                            : target < 0 ? RateLimitObserver.Scope.GROUP : RateLimitObserver.Scope.CHAT, retryAfter);
                    if (retryAfter.compareTo(settings.maxInlineWait()) > 0
                            || rateLimitedResends >= MAX_RATE_LIMITED_RESENDS) {
                        return new PartOutcome.Failed(new SendResult.RateLimited(retryAfter));
                    }
                    rateLimitedResends++;
                    log.warn("rate limited, resending after the pause {} target={} retryAfter={} attempt={}", part,
                            target, retryAfter, rateLimitedResends + 1);
                    continue;
                }
                if (e.errorCode() == 401 || e.errorCode() == 404) {
                    String reason = "the bot token or API URL is wrong (" + e.errorCode() + " "
                            + (e.errorCode() == 401 ? "Unauthorized" : "Not Found") + ")";
                    log.error("Telegram refused the bot: {} {}", reason, part);
                    return new PartOutcome.Failed(new SendResult.Rejected(reason), true);
                }
                if (e.isServerError() || e.unreadableBody()) {
                    resends = backOff(part, resends, e);
                    continue;
                }
                OptionalLong migrateTo = e.migrateToChatId();
                if (migrateTo.isPresent() && !migrated) {
                    migrated = true;
                    migrations.migrated(target, migrateTo.getAsLong());
                    if (target != part.chat()) {
                        migrations.migrated(part.chat(), migrateTo.getAsLong());
                    }
                    log.info("group became a supergroup, resending there {} newChat={}", part, migrateTo.getAsLong());
                    continue;
                }
                return refusal(e);
            } catch (TelegramUnreachableException e) {
                if (e.requestSent()) {
                    log.warn("no answer to a send that went out, not resending (it may have arrived) {} target={} "
                            + "failure={}", part, target, e.getMessage());
                    throw new TransientStorageException(OPERATION, "no answer from Telegram; the message may have "
                            + "been delivered", e);
                }
                resends = backOff(part, resends, e);
            }
        }
    }

    /** Waits before resend number {@code resends + 1}, or gives up when the resends are used up. */
    private int backOff(Part part, int resends, RuntimeException failure) throws InterruptedException {
        if (resends >= BACKOFF.size()) {
            log.error("giving up sending {} attempts={} failure={}", part, resends + 1, failure.getMessage());
            throw new TransientStorageException(OPERATION,
                    "Telegram failed " + (resends + 1) + " times: " + failure.getMessage(), failure);
        }
        Duration base = BACKOFF.get(resends);
        Duration wait = base.plusNanos((long) (base.toNanos() * JITTER * random.nextDouble()));
        log.warn("send failed, resending {} attempt={} wait={} failure={}", part, resends + 2, wait,
                failure.getMessage());
        sleeper.sleep(wait);
        return resends + 1;
    }

    /** A refusal that no resend can change. */
    private static PartOutcome refusal(TelegramApiException e) {
        if (e.mentions("bot was blocked by the user") || e.mentions("user is deactivated")) {
            return new PartOutcome.Failed(new SendResult.Blocked());
        }
        if (e.mentions("bot was kicked") || e.mentions("bot is not a member") || e.mentions("chat not found")
                || e.mentions("chat was deactivated")) {
            return new PartOutcome.Failed(new SendResult.ChatGone());
        }
        if (e.errorCode() == 400 && e.mentions("can't parse entities")) {
            return new PartOutcome.BadMarkup(e.description());
        }
        if (e.errorCode() == 400 && e.mentions("message is too long")) {
            return new PartOutcome.TooLong(e.description());
        }
        return new PartOutcome.Failed(new SendResult.Rejected(e.description()));
    }

    private void rememberKeyboard(long chat, Keyboard keyboard) {
        switch (keyboard) {
            case REQUEST_CONTACT -> showingContactKeyboard.add(chat);
            case REMOVE -> showingContactKeyboard.remove(chat);
            case NONE -> {
            }
        }
    }

    private static String messageRef(Message sent, long target) {
        long chat = sent != null && sent.chat() != null ? sent.chat().id() : target;
        return MessageRefs.of(chat, sent == null ? 0 : sent.messageId());
    }

    private static void logFailure(Part part, SendResult result) {
        switch (result) {
            case SendResult.Blocked blocked -> log.info("not sent, the customer blocked the bot {}", part);
            case SendResult.ChatGone gone -> log.info("not sent, the chat is gone {}", part);
            case SendResult.RateLimited limited -> log.info("not sent, rate limited {} retryAfter={}", part,
                    limited.retryAfter());
            case SendResult.Rejected rejected -> log.warn("not sent, Telegram refused it {} reason={}", part,
                    rejected.reason());
            case SendResult.Sent s -> {
            }
        }
    }

    /** A text to send and how Telegram should read it. */
    private record Piece(String text, boolean html) {

        Piece asPlain() {
            return html ? new Piece(TelegramHtml.toPlainText(text), false) : this;
        }
    }

    /** Which part of which chat's message, for the log. */
    private record Part(long chat, int number, int count) {

        @Override
        public String toString() {
            return "chat=" + chat + " part=" + number + "/" + count;
        }
    }

    /** How sending one part ended. */
    private sealed interface PartOutcome {

        record Delivered(String messageRef) implements PartOutcome {
        }

        /** @param logged whether the failure was logged where it was found (at ERROR) */
        record Failed(SendResult result, boolean logged) implements PartOutcome {

            Failed(SendResult result) {
                this(result, false);
            }
        }

        record BadMarkup(String description) implements PartOutcome {
        }

        record TooLong(String description) implements PartOutcome {
        }
    }
}
