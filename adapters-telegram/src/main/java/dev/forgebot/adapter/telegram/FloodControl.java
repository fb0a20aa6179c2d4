package dev.forgebot.adapter.telegram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Telegram's flood limits, kept by handing out send slots: per chat ({@code perChatPerSecond} in any
 * second), per group ({@code perGroupPerMinute} in any minute, for chats with a negative id) and over
 * all chats ({@code globalPerSecond} in any second). Each limit is a sliding window: no window of its
 * length ever holds more slots than it allows, so a burst up to the limit goes at once and the next
 * send waits for the oldest slot to leave the window.
 *
 * <p>A sender {@linkplain #reserve reserves} a slot and then waits for it outside any lock (through the
 * caller's {@code Sleeper}). Slots are placed at the earliest time every limit of that chat allows, so a
 * chat's queue never delays another chat: only the global window is shared, and a slot reserved for a
 * later time leaves the time before it free for others.
 *
 * <p>A 429 pauses the scope that got it: the chat, which for a group is also the group
 * ({@link #tooManyRequests}). The rule for pausing everything: when 429s arrive for
 * {@value #ESCALATION_CHATS} different chats within {@link #ESCALATION_WINDOW}, Telegram is taken to be
 * enforcing the global limit, and every chat pauses until the latest of those 429s' {@code retry_after}
 * has passed.
 *
 * <p>Thread-safe: one lock guards the bookkeeping, held only to compute and record a slot.
 */
final class FloodControl {

    /** 429s for this many different chats ... */
    static final int ESCALATION_CHATS = 3;

    /** ... within this window pause every chat. */
    static final Duration ESCALATION_WINDOW = Duration.ofSeconds(1);

    /** How often (in reservations) chats with nothing left to remember are forgotten. */
    private static final int SWEEP_EVERY = 1024;

    private static final long SECOND = Duration.ofSeconds(1).toNanos();
    private static final long MINUTE = Duration.ofMinutes(1).toNanos();

    private static final Logger log = LoggerFactory.getLogger(FloodControl.class);

    private final FloodLimits limits;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<Long, ChatState> chats = new HashMap<>();
    private final Window global;
    private final ArrayDeque<Recent429> recent429s = new ArrayDeque<>();
    private long globalPausedUntil = Long.MIN_VALUE;
    private int reservationsSinceSweep;

    FloodControl(FloodLimits limits, Clock clock) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.global = limits.globalPerSecond() > 0 ? new Window(limits.globalPerSecond(), SECOND) : null;
    }

    /**
     * Reserves the earliest slot for a send to {@code chatId} and says how long to wait for it. When that
     * wait would be longer than {@code maxWait}, nothing is reserved and the wait is returned all the
     * same, so the caller can say when to come back.
     *
     * @return the wait from now, {@link Duration#ZERO} when the send may go at once
     */
    Duration reserve(long chatId, Duration maxWait) {
        lock.lock();
        try {
            long now = now();
            ChatState chat = chats.get(chatId);
            if (chat == null && needsState(chatId)) {
                chat = new ChatState(chatId);
                chats.put(chatId, chat);
            }
            long slot = Math.max(now, globalPausedUntil);
            if (chat != null) {
                slot = Math.max(slot, chat.pausedUntil);
            }
            slot = earliestSlot(chat, slot, now);
            long wait = slot - now;
            if (wait > maxWait.toNanos()) {
                return Duration.ofNanos(wait);
            }
            if (chat != null) {
                chat.record(slot);
            }
            if (global != null) {
                global.add(slot);
            }
            if (++reservationsSinceSweep >= SWEEP_EVERY) {
                sweep(now);
            }
            return Duration.ofNanos(wait);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Telegram answered a send to {@code chatId} with 429: that chat (and so its group) sends nothing for
     * {@code retryAfter}; everything pauses when this makes {@value #ESCALATION_CHATS} chats within
     * {@link #ESCALATION_WINDOW}.
     *
     * @return whether every chat was paused
     */
    boolean tooManyRequests(long chatId, Duration retryAfter) {
        lock.lock();
        try {
            long now = now();
            long until = now + retryAfter.toNanos();
            ChatState chat = chats.computeIfAbsent(chatId, ChatState::new);
            chat.pausedUntil = Math.max(chat.pausedUntil, until);
            recent429s.addLast(new Recent429(chatId, now, until));
            while (recent429s.peekFirst().at() <= now - ESCALATION_WINDOW.toNanos()) {
                recent429s.removeFirst();
            }
            Set<Long> chatsLimited = new HashSet<>();
            long latest = until;
            for (Recent429 recent : recent429s) {
                chatsLimited.add(recent.chatId());
                latest = Math.max(latest, recent.until());
            }
            if (chatsLimited.size() < ESCALATION_CHATS) {
                log.debug("chat paused after 429 chat={} retryAfter={}", chatId, retryAfter);
                return false;
            }
            globalPausedUntil = Math.max(globalPausedUntil, latest);
            recent429s.clear();
            log.warn("429s for {} chats within {}: pausing every chat for {}", chatsLimited.size(), ESCALATION_WINDOW,
                    Duration.ofNanos(latest - now));
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** How many chats are remembered (their slots or pauses still matter); for tests. */
    int trackedChats() {
        lock.lock();
        try {
            return chats.size();
        } finally {
            lock.unlock();
        }
    }

    private boolean needsState(long chatId) {
        return limits.perChatPerSecond() > 0 || (chatId < 0 && limits.perGroupPerMinute() > 0);
    }

    /** The earliest time from {@code slot} on that every window of the chat and the global one allows. */
    private long earliestSlot(ChatState chat, long slot, long now) {
        if (chat != null) {
            chat.prune(now);
        }
        if (global != null) {
            global.prune(now);
        }
        while (true) {
            long before = slot;
            if (chat != null) {
                slot = chat.earliestFrom(slot);
            }
            if (global != null) {
                slot = global.earliestFrom(slot);
            }
            if (slot == before) {
                return slot;
            }
        }
    }

    private void sweep(long now) {
        reservationsSinceSweep = 0;
        for (Iterator<ChatState> it = chats.values().iterator(); it.hasNext(); ) {
            ChatState chat = it.next();
            chat.prune(now);
            if (chat.isIdle(now)) {
                it.remove();
            }
        }
    }

    private long now() {
        Instant now = clock.instant();
        return Math.addExact(Math.multiplyExact(now.getEpochSecond(), SECOND), now.getNano());
    }

    private record Recent429(long chatId, long at, long until) {
    }

    /** What one chat's limits need: its windows and its pause. */
    private final class ChatState {

        private final Window perChat;
        private final Window perGroup;
        private long pausedUntil = Long.MIN_VALUE;

        ChatState(long chatId) {
            this.perChat = limits.perChatPerSecond() > 0 ? new Window(limits.perChatPerSecond(), SECOND) : null;
            this.perGroup = chatId < 0 && limits.perGroupPerMinute() > 0
                    ? new Window(limits.perGroupPerMinute(), MINUTE) : null;
        }

        long earliestFrom(long slot) {
            while (true) {
                long before = slot;
                if (perChat != null) {
                    slot = perChat.earliestFrom(slot);
                }
                if (perGroup != null) {
                    slot = perGroup.earliestFrom(slot);
                }
                if (slot == before) {
                    return slot;
                }
            }
        }

        void record(long slot) {
            if (perChat != null) {
                perChat.add(slot);
            }
            if (perGroup != null) {
                perGroup.add(slot);
            }
        }

        void prune(long now) {
            if (perChat != null) {
                perChat.prune(now);
            }
            if (perGroup != null) {
                perGroup.prune(now);
            }
        }

        boolean isIdle(long now) {
            return pausedUntil <= now && (perChat == null || perChat.isEmpty())
                    && (perGroup == null || perGroup.isEmpty());
        }
    }

    /**
     * A sliding window: at most {@code permits} slots in any span of {@code length} nanoseconds. Slots
     * may be reserved in any order (a slot far ahead does not block an earlier gap).
     */
    private static final class Window {

        private final int permits;
        private final long length;
        /** Slot time to how many slots share it. */
        private final TreeMap<Long, Integer> slots = new TreeMap<>();

        Window(int permits, long length) {
            this.permits = permits;
            this.length = length;
        }

        /**
         * The earliest time from {@code t} on where one more slot keeps every span within the limit. A
         * span {@code [s, s + length)} that is full rules out every time inside it, so the search jumps
         * past the end of every full span that contains the candidate. Only spans starting at the
         * candidate or at a slot before it (within one length) need checking: any other span holds a
         * subset of one of those.
         */
        long earliestFrom(long t) {
            while (true) {
                long blockedUntil = Long.MIN_VALUE;
                if (count(t) >= permits) {
                    blockedUntil = t + length;
                }
                for (long s : slots.subMap(t - length, false, t, true).keySet()) {
                    if (count(s) >= permits) {
                        blockedUntil = Math.max(blockedUntil, s + length);
                    }
                }
                if (blockedUntil == Long.MIN_VALUE) {
                    return t;
                }
                t = blockedUntil;
            }
        }

        /** Slots in {@code [from, from + length)}. */
        private int count(long from) {
            int count = 0;
            for (int n : slots.subMap(from, true, from + length, false).values()) {
                count += n;
            }
            return count;
        }

        void add(long slot) {
            slots.merge(slot, 1, Integer::sum);
        }

        /** Forgets slots that no span containing a time from {@code now} on can hold. */
        void prune(long now) {
            slots.headMap(now - length, true).clear();
        }

        boolean isEmpty() {
            return slots.isEmpty();
        }
    }
}
