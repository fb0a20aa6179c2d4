package dev.forgebot.adapter.telegram;

import dev.forgebot.adapter.telegram.api.ReceivedUpdate;
import dev.forgebot.adapter.telegram.api.TelegramApi;
import dev.forgebot.adapter.telegram.api.TelegramApiException;
import dev.forgebot.adapter.telegram.api.TelegramUnreachableException;
import dev.forgebot.application.port.in.HandleInboundMessage;
import dev.forgebot.application.port.in.InboundEvent;
import dev.forgebot.application.port.out.Sleeper;
import dev.forgebot.application.port.out.StorageException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives updates by long polling: one {@link #pollOnce()} is one {@code getUpdates}, repeated by the
 * bootstrap's loop supervisor. It creates no threads; every wait goes through the {@link Sleeper}.
 *
 * <h2>At least once, never lost</h2>
 * Telegram counts an update as delivered once {@code getUpdates} is called with an offset above its
 * id, so the offset is this poller's acknowledgement. A pass fetches a batch, maps it, and stores it
 * in the inbox with one {@link HandleInboundMessage#receive} call; only when that returned does it
 * move its offset past the batch, and only the <em>next</em> {@code getUpdates} tells Telegram.
 * Hence:
 * <ul>
 *   <li>the inbox cannot be written: the offset stays, nothing is confirmed, the poller backs off
 *       and the next pass fetches the same batch again;</li>
 *   <li>the process dies after fetching, or after storing but before the next poll: Telegram sends
 *       the batch again after the restart (the offset lives in memory only), and the inbox, keyed by
 *       {@code telegram:<update_id>}, stores each update once and ignores the repeats;</li>
 *   <li>a clean stop calls {@link #confirmStored()}, so a restart does not fetch again what was
 *       stored.</li>
 * </ul>
 * Nothing is ever confirmed on fetch. A malformed or unreadable update is stored as skipped, never
 * left behind, so one bad update cannot block the ones after it.
 *
 * <h2>Failures</h2>
 * <ul>
 *   <li>401, 404 and 409 are {@link PollOutcome.Fatal}: a wrong token, a wrong API URL, or a webhook
 *       set / a second poller. The poller never deletes a webhook: that would silently take a
 *       production bot's webhook away from it.</li>
 *   <li>429 waits Telegram's {@code retry_after}.</li>
 *   <li>5xx, unreadable answers, no answer at all, any other refusal, and an inbox that cannot be
 *       written back off exponentially with jitter, from {@link PollerSettings#backoffStart()}
 *       doubling up to {@link PollerSettings#backoffMax()} (each wait drawn from the upper half of
 *       that step), and start again from the first step after a pass that succeeds.</li>
 *   <li>Anything else the intake throws (a bug) propagates to the loop, with nothing confirmed.</li>
 * </ul>
 * Every callback query in a stored batch is answered (without text) so the user's button stops
 * spinning; an answer that fails is logged at DEBUG and changes nothing else. Log lines name offsets,
 * update ids, counts and Telegram's error, never the token or a customer's text.
 *
 * <p>Thread-safety: {@link #pollOnce()} is called by one thread at a time (the loop's), and
 * {@link #confirmStored()} once that loop has stopped; {@link #nextOffset()} may be read from any thread.
 */
public final class TelegramUpdatePoller {

    private static final Logger log = LoggerFactory.getLogger(TelegramUpdatePoller.class);

    private final TelegramApi api;
    private final HandleInboundMessage intake;
    private final TelegramUpdateMapper mapper;
    private final PollerSettings settings;
    private final Sleeper sleeper;
    private final DoubleSupplier jitter;

    private volatile OptionalLong nextOffset = OptionalLong.empty();
    /** Whether batches were stored that no {@code getUpdates} with {@link #nextOffset} has confirmed yet. */
    private volatile boolean storedUnconfirmed;
    private int failuresInARow;

    /**
     * @param api      the Bot API
     * @param intake   the application's intake: stores a batch in the inbox, durably, in one call
     * @param mapper   maps updates to events
     * @param settings how to poll
     * @param sleeper  how to wait
     * @param jitter   numbers in [0, 1) that spread the backoff waits ({@link #randomJitter()} in production)
     */
    public TelegramUpdatePoller(TelegramApi api, HandleInboundMessage intake, TelegramUpdateMapper mapper,
            PollerSettings settings, Sleeper sleeper, DoubleSupplier jitter) {
        this.api = Objects.requireNonNull(api, "api");
        this.intake = Objects.requireNonNull(intake, "intake");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.jitter = Objects.requireNonNull(jitter, "jitter");
    }

    /** Uniformly random jitter in [0, 1). */
    public static DoubleSupplier randomJitter() {
        return () -> ThreadLocalRandom.current().nextDouble();
    }

    /**
     * One long poll: fetches updates after the offset, stores them in the inbox, then moves the offset
     * past them (confirmed by the next poll) and answers their callback queries.
     *
     * @return what happened; {@link PollOutcome.Fatal} means stop polling
     * @throws InterruptedException if interrupted while backing off (the loop is being stopped)
     */
    public PollOutcome pollOnce() throws InterruptedException {
        OptionalLong offset = nextOffset;
        List<ReceivedUpdate> updates;
        try {
            updates = api.getUpdates(offset, settings.limit(), settings.longPollTimeout(), settings.allowedUpdates());
        } catch (TelegramApiException e) {
            return refused(e, offset);
        } catch (TelegramUnreachableException e) {
            return backOff("Telegram unreachable: " + e.getMessage(), offset);
        }
        // Telegram has now seen this offset: everything stored below it is confirmed.
        storedUnconfirmed = false;
        if (updates.isEmpty()) {
            failuresInARow = 0;
            return PollOutcome.IDLE;
        }
        List<InboundEvent> events = updates.stream().map(mapper::map).toList();
        long firstId = updates.stream().mapToLong(ReceivedUpdate::updateId).min().orElseThrow();
        long lastId = updates.stream().mapToLong(ReceivedUpdate::updateId).max().orElseThrow();
        int stored;
        try {
            stored = intake.receive(events);
        } catch (StorageException e) {
            return backOff("inbox not writable, " + updates.size() + " updates " + firstId + ".." + lastId
                    + " left unconfirmed at Telegram: " + e.getMessage(), offset);
        }
        // Durably stored: from now on the offset may move past the batch.
        nextOffset = OptionalLong.of(lastId + 1);
        storedUnconfirmed = true;
        failuresInARow = 0;
        log.debug("updates stored fetched={} new={} firstUpdate={} lastUpdate={} nextOffset={}", updates.size(), stored,
                firstId, lastId, lastId + 1);
        answerCallbackQueries(updates);
        return new PollOutcome.Received(updates.size(), stored);
    }

    /**
     * For a clean stop: tells Telegram that everything stored is processed, with one last
     * {@code getUpdates} at the final offset that waits for nothing ({@code timeout=0}, {@code limit=1}).
     * What it returns is not stored: those updates stay unconfirmed at Telegram, for the next start.
     * Does nothing when nothing was stored since the last confirmation.
     *
     * @return whether the confirmation went out (false: nothing to confirm, or it failed, logged at
     *     WARN; then the next start fetches the last batch again and the inbox ignores the repeats)
     */
    public boolean confirmStored() {
        OptionalLong offset = nextOffset;
        if (!storedUnconfirmed || offset.isEmpty()) {
            return false;
        }
        try {
            api.getUpdates(offset, 1, Duration.ZERO, settings.allowedUpdates());
        } catch (TelegramApiException | TelegramUnreachableException e) {
            log.warn("stored updates not confirmed at Telegram, the next start fetches them again offset={} error={}",
                    offset.getAsLong(), e.getMessage());
            return false;
        }
        storedUnconfirmed = false;
        log.info("stored updates confirmed at Telegram offset={}", offset.getAsLong());
        return true;
    }

    /** The offset of the next {@code getUpdates}: one past the last stored update; empty before the first batch. */
    public OptionalLong nextOffset() {
        return nextOffset;
    }

    private PollOutcome refused(TelegramApiException e, OptionalLong offset) throws InterruptedException {
        return switch (e.errorCode()) {
            case 401 -> fatal("the bot token is wrong: Telegram answered 401 Unauthorized");
            case 404 -> fatal("Telegram answered 404 Not Found to getUpdates: the API URL or the bot token is wrong");
            case 409 -> fatal("Telegram refused getUpdates (409): a webhook is set or another instance is polling "
                    + "this bot; delete the webhook on purpose or stop the other instance. Telegram said: "
                    + e.description());
            case 429 -> {
                Optional<Duration> retryAfter = e.retryAfter().filter(Duration::isPositive);
                if (retryAfter.isPresent()) {
                    yield floodWait(retryAfter.get(), offset);
                }
                yield backOff("Telegram flood control without retry_after: " + e.getMessage(), offset);
            }
            default -> backOff((e.isServerError() || e.unreadableBody() ? "Telegram failed: " : "Telegram refused: ")
                    + e.getMessage(), offset);
        };
    }

    private PollOutcome floodWait(Duration wait, OptionalLong offset) throws InterruptedException {
        log.warn("Telegram flood control on getUpdates, waiting retryAfter={} offset={}", wait, describe(offset));
        sleeper.sleep(wait);
        return new PollOutcome.BackedOff(wait);
    }

    private static PollOutcome fatal(String reason) {
        log.error("polling stopped: {}", reason);
        return new PollOutcome.Fatal(reason);
    }

    private PollOutcome backOff(String reason, OptionalLong offset) throws InterruptedException {
        failuresInARow++;
        Duration wait = backoffWait(failuresInARow);
        log.warn("poll failed, backing off attempt={} wait={} offset={} reason={}", failuresInARow, wait,
                describe(offset), reason);
        sleeper.sleep(wait);
        return new PollOutcome.BackedOff(wait);
    }

    /**
     * The wait after the {@code failures}-th failure in a row: the step {@code start * 2^(failures-1)},
     * capped at the maximum, then drawn from its upper half ("equal jitter"), so no wait is shorter
     * than half a step nor longer than the cap.
     */
    private Duration backoffWait(int failures) {
        int shift = Math.min(failures - 1, 30);
        Duration step = settings.backoffStart().multipliedBy(1L << shift);
        if (step.compareTo(settings.backoffMax()) > 0) {
            step = settings.backoffMax();
        }
        double spread = Math.min(Math.max(jitter.getAsDouble(), 0.0), 1.0);
        long stepMillis = step.toMillis();
        long halfMillis = stepMillis / 2;
        return Duration.ofMillis(stepMillis - halfMillis + Math.round(halfMillis * spread));
    }

    private void answerCallbackQueries(List<ReceivedUpdate> updates) {
        for (ReceivedUpdate update : updates) {
            mapper.callbackQueryId(update).ifPresent(id -> {
                try {
                    api.answerCallbackQuery(id, null);
                } catch (RuntimeException e) {
                    // Late (older than Telegram's ~150 s) or Telegram away: the button stops spinning by itself.
                    log.debug("callback query not answered update={} error={}", update.updateId(), e.getMessage());
                }
            });
        }
    }

    private static String describe(OptionalLong offset) {
        return offset.isPresent() ? Long.toString(offset.getAsLong()) : "none";
    }
}
