package dev.forgebot.application.inbox;

import dev.forgebot.application.BotTexts;
import dev.forgebot.application.pipeline.MessagePipeline;
import dev.forgebot.application.pipeline.StepOutcome;
import dev.forgebot.application.port.in.InboundEvent;
import dev.forgebot.application.port.out.BackgroundTasks;
import dev.forgebot.application.port.out.InboxEntry;
import dev.forgebot.application.port.out.InboxState;
import dev.forgebot.application.port.out.Messenger;
import dev.forgebot.application.port.out.OutboundMessage;
import dev.forgebot.application.port.out.PermanentStorageException;
import dev.forgebot.application.port.out.StorageException;
import dev.forgebot.application.port.out.TransientStorageException;
import dev.forgebot.application.port.out.UpdateInbox;
import dev.forgebot.domain.lead.ChatId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands pending inbox entries to the {@link MessagePipeline}: strictly in order within a chat, many
 * chats in parallel, each chat's run as one task on {@link BackgroundTasks} (never threads of its
 * own).
 *
 * <p>A pass ({@link #dispatchOnce}) reads pending entries of the chats not running now and starts a
 * task per chat whose first entry is due. At most {@link DispatcherSettings#maxHeldEntries()}
 * entries are held in memory by running tasks. Entries left pending by a crash are simply found by
 * the next pass, so resuming needs nothing special. Within a chat, an entry that must wait for a
 * retry holds back the entries after it.
 *
 * <p>Several instances may share one inbox: before handling an entry a dispatcher claims it
 * ({@link UpdateInbox#claim}) for {@link #CLAIM_LEASE} under its instance id, so an entry is handled by
 * one instance at a time; a chat whose next entry another instance holds is left alone for a moment,
 * which keeps a chat's entries in order across instances. A dead instance's claims run out and its
 * entries are taken over; an instance restarted with the same id takes its own claims back at once.
 *
 * <p>Failures: a transient failure leaves the entry pending, to be tried again after a backoff that
 * doubles per attempt; a permanent failure, an unexpected exception or the last allowed attempt
 * dead-letters the entry with its error and sends the customer one apology. When the inbox itself
 * cannot be updated, the entry stays as it is and is picked up again by a later pass.
 *
 * <p>Thread-safe. Passes run one at a time; {@link #wake} asks for one in the background.
 */
public final class InboxDispatcher {

    private static final Logger log = LoggerFactory.getLogger(InboxDispatcher.class);

    private final UpdateInbox inbox;
    private final MessagePipeline pipeline;
    private final BackgroundTasks tasks;
    private final Messenger messenger;
    private final BotTexts texts;
    private final Clock clock;
    private final DispatcherSettings settings;

    /** How long a claim on an entry lasts: far longer than handling one takes, short enough to take over a dead instance's work. */
    public static final Duration CLAIM_LEASE = Duration.ofMinutes(2);
    /** How long a chat whose next entry is claimed by another instance (or could not be claimed) is left alone. */
    static final Duration HOLD_BACK = Duration.ofSeconds(2);
    /** The owner of the claims of a dispatcher built without an instance id: one instance, whatever its restarts. */
    public static final String SINGLE_INSTANCE = "single-instance";

    private final String instanceId;
    private final Map<ChatId, Instant> heldBack = new ConcurrentHashMap<>();
    private final Set<ChatId> running = ConcurrentHashMap.newKeySet();
    private final AtomicInteger held = new AtomicInteger();
    private final ReentrantLock passLock = new ReentrantLock();
    private final AtomicBoolean wakeRequested = new AtomicBoolean();
    private final AtomicBoolean wakeTaskRunning = new AtomicBoolean();

    /** A dispatcher of the only instance using this inbox (its claims carry {@link #SINGLE_INSTANCE}). */
    public InboxDispatcher(UpdateInbox inbox, MessagePipeline pipeline, BackgroundTasks tasks, Messenger messenger,
            BotTexts texts, Clock clock, DispatcherSettings settings) {
        this(inbox, pipeline, tasks, messenger, texts, clock, settings, SINGLE_INSTANCE);
    }

    /**
     * A dispatcher of one of several instances sharing this inbox.
     *
     * @param instanceId this instance's id, the same across its restarts (so it takes its own claims back
     *                   at once) and different from every other instance's
     */
    public InboxDispatcher(UpdateInbox inbox, MessagePipeline pipeline, BackgroundTasks tasks, Messenger messenger,
            BotTexts texts, Clock clock, DispatcherSettings settings, String instanceId) {
        this.instanceId = Objects.requireNonNull(instanceId, "instanceId");
        this.inbox = Objects.requireNonNull(inbox, "inbox");
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.messenger = Objects.requireNonNull(messenger, "messenger");
        this.texts = Objects.requireNonNull(texts, "texts");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Asks for a pass soon, in the background; requests made while one is under way are folded
     * into one more pass. Never blocks.
     */
    public void wake() {
        wakeRequested.set(true);
        if (wakeTaskRunning.compareAndSet(false, true) && !tasks.launch("inbox-dispatch", this::drainWakeRequests)) {
            wakeTaskRunning.set(false);
        }
    }

    private void drainWakeRequests() {
        try {
            while (wakeRequested.getAndSet(false)) {
                dispatchOnce();
            }
        } finally {
            wakeTaskRunning.set(false);
        }
        if (wakeRequested.get()) {
            wake();
        }
    }

    /**
     * One pass: starts a task for every chat that has due pending entries and is not running.
     *
     * @return how many chat tasks it started
     * @throws StorageException if the pending entries could not be read (the caller's loop tries again)
     */
    public int dispatchOnce() {
        passLock.lock();
        try {
            int room = settings.maxHeldEntries() - held.get();
            if (room <= 0) {
                return 0;
            }
            Instant now = clock.instant();
            heldBack.values().removeIf(until -> !until.isAfter(now));
            Set<ChatId> excluded = new HashSet<>(running);
            excluded.addAll(heldBack.keySet());
            List<InboxEntry> pending = inbox.pending(Math.min(settings.batchSize(), room), excluded);
            int started = 0;
            for (Map.Entry<ChatId, List<InboxEntry>> chat : byChat(pending).entrySet()) {
                List<InboxEntry> entries = chat.getValue();
                if (entries.getFirst().notBefore().isAfter(now) || heldBack.containsKey(chat.getKey())
                        || !running.add(chat.getKey())) {
                    continue;
                }
                held.addAndGet(entries.size());
                if (tasks.launch("inbox-chat", () -> runChat(chat.getKey(), entries))) {
                    started++;
                } else {
                    release(chat.getKey(), entries.size());
                    log.warn("chat not dispatched, executor is shut down chat={} entries={}", chat.getKey(), entries.size());
                }
            }
            return started;
        } finally {
            passLock.unlock();
        }
    }

    /** Entries held in memory by running chat tasks right now. */
    public int heldEntries() {
        return held.get();
    }

    /** Chats being handled right now. */
    public int runningChats() {
        return running.size();
    }

    private static Map<ChatId, List<InboxEntry>> byChat(List<InboxEntry> pending) {
        Map<ChatId, List<InboxEntry>> chats = new LinkedHashMap<>();
        for (InboxEntry entry : pending) {
            chats.computeIfAbsent(entry.chatId(), c -> new ArrayList<>()).add(entry);
        }
        return chats;
    }

    private void runChat(ChatId chat, List<InboxEntry> entries) {
        boolean completed = false;
        try {
            for (InboxEntry entry : entries) {
                if (entry.notBefore().isAfter(clock.instant()) || !handle(entry)) {
                    break;
                }
            }
            completed = true;
        } finally {
            release(chat, entries.size());
            if (completed) {
                // More of this chat's entries (or other chats') may be waiting. After an Error the
                // periodic loop takes over at its own pace instead: no hot loop on a poisoned entry.
                wake();
            }
        }
    }

    private void release(ChatId chat, int entries) {
        held.addAndGet(-entries);
        running.remove(chat);
    }

    /** Handles one entry; false when the chat must stop here (the entry waits for a retry or another instance). */
    private boolean handle(InboxEntry entry) {
        if (!claim(entry)) {
            return false;
        }
        StepOutcome outcome;
        try {
            outcome = pipeline.handle(entry);
        } catch (TransientStorageException e) {
            return retryOrGiveUp(entry, e.getMessage(), Duration.ZERO);
        } catch (PermanentStorageException e) {
            return giveUp(entry, entry.attempts() + 1, e.getMessage());
        } catch (RuntimeException e) {
            log.error("unexpected failure handling entry={} chat={}", entry.key(), entry.chatId(), e);
            return giveUp(entry, entry.attempts() + 1, "unexpected " + e.getClass().getName());
        }
        return switch (outcome) {
            case StepOutcome.Finish finish -> update(entry, () -> inbox.markHandled(entry.key(), finish.state(), clock.instant()));
            case StepOutcome.RetryLater retry -> retryOrGiveUp(entry, retry.reason(), retry.after());
            case StepOutcome.GiveUp giveUp -> giveUp(entry, entry.attempts() + 1, giveUp.reason());
            case StepOutcome.Continue c -> update(entry, () -> inbox.markHandled(entry.key(), InboxState.HANDLED, clock.instant()));
        };
    }

    /**
     * Claims the entry for this instance. When another instance holds it (or the claim cannot be
     * written now), the chat is left alone for {@link #HOLD_BACK}: its entries stay in order, handled by
     * whoever holds the claim, or here once it runs out.
     */
    private boolean claim(InboxEntry entry) {
        Instant now = clock.instant();
        boolean mine;
        try {
            mine = inbox.claim(entry.key(), instanceId, now.plus(CLAIM_LEASE), now);
        } catch (StorageException e) {
            log.warn("could not claim entry={} chat={} error={}", entry.key(), entry.chatId(), e.getMessage());
            mine = false;
        }
        if (!mine) {
            heldBack.put(entry.chatId(), now.plus(HOLD_BACK));
            log.debug("entry handled elsewhere or not claimable now entry={} chat={}", entry.key(), entry.chatId());
        }
        return mine;
    }

    private boolean retryOrGiveUp(InboxEntry entry, String error, Duration atLeast) {
        int attempts = entry.attempts() + 1;
        if (attempts >= settings.maxAttempts()) {
            return giveUp(entry, attempts, "last attempt failed: " + error);
        }
        Duration backoff = settings.backoffAfter(attempts);
        Duration wait = atLeast.compareTo(backoff) > 0 ? atLeast : backoff;
        log.warn("entry will be retried entry={} chat={} attempt={} wait={} error={}", entry.key(), entry.chatId(),
                attempts, wait, error);
        update(entry, () -> inbox.scheduleRetry(entry.key(), attempts, error, clock.instant().plus(wait)));
        return false;
    }

    private boolean giveUp(InboxEntry entry, int attempts, String error) {
        log.error("entry dead-lettered entry={} chat={} attempts={} error={}", entry.key(), entry.chatId(), attempts, error);
        if (!update(entry, () -> inbox.deadLetter(entry.key(), attempts, error, clock.instant()))) {
            return false;
        }
        if (entry.event() instanceof InboundEvent.ChatMessage message) {
            apologize(message);
        }
        return true;
    }

    private void apologize(InboundEvent.ChatMessage message) {
        try {
            messenger.send(OutboundMessage.text(message.chatId(), texts.apology()));
        } catch (RuntimeException e) {
            log.error("apology not sent entry={} chat={}", message.key(), message.chatId(), e);
        }
    }

    /** Runs an inbox update; false (the entry stays as it is, a later pass takes it up) when the inbox fails. */
    private boolean update(InboxEntry entry, Runnable change) {
        try {
            change.run();
            return true;
        } catch (StorageException e) {
            log.warn("inbox update failed, entry stays pending entry={} chat={} error={}", entry.key(), entry.chatId(),
                    e.getMessage());
            return false;
        }
    }
}
