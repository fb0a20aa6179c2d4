package dev.forgebot.application.fake;

import dev.forgebot.application.port.in.InboundEvent;
import dev.forgebot.application.port.out.InboxEntry;
import dev.forgebot.application.port.out.InboxState;
import dev.forgebot.application.port.out.UpdateInbox;
import dev.forgebot.domain.conversation.InboundKey;
import dev.forgebot.domain.lead.ChatId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** An {@link UpdateInbox} in memory; passes {@code UpdateInboxContract}. Thread-safe (one lock). */
public class InMemoryUpdateInbox implements UpdateInbox {

    private final Map<InboundKey, InboxEntry> entries = new LinkedHashMap<>();
    private final Map<InboundKey, Claim> claims = new java.util.HashMap<>();
    private long sequence;

    @Override
    public synchronized List<InboundKey> store(List<? extends InboundEvent> events, Instant receivedAt) {
        List<InboundKey> fresh = new ArrayList<>();
        for (InboundEvent event : events) {
            if (!entries.containsKey(event.key())) {
                entries.put(event.key(), new InboxEntry(++sequence, event, InboxState.PENDING, 0, Optional.empty(),
                        receivedAt, receivedAt, Optional.empty()));
                fresh.add(event.key());
            }
        }
        return fresh;
    }

    @Override
    public synchronized List<InboxEntry> pending(int limit, Set<ChatId> excludedChats) {
        return entries.values().stream()
                .filter(e -> e.state() == InboxState.PENDING && !excludedChats.contains(e.chatId()))
                .sorted(Comparator.comparingLong(InboxEntry::sequence))
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized Optional<InboxEntry> find(InboundKey key) {
        return Optional.ofNullable(entries.get(key));
    }

    @Override
    public synchronized void markHandled(InboundKey key, InboxState finalState, Instant at) {
        if (!finalState.isFinal()) {
            throw new IllegalArgumentException("not a final state: " + finalState);
        }
        claims.remove(key);
        updatePending(key, e -> new InboxEntry(e.sequence(), e.event(), finalState, e.attempts(), e.lastError(),
                e.receivedAt(), e.notBefore(), Optional.of(at)));
    }

    @Override
    public synchronized boolean claim(InboundKey key, String owner, Instant until, Instant now) {
        InboxEntry entry = entries.get(key);
        if (entry == null || entry.state() != InboxState.PENDING) {
            return false;
        }
        Claim held = claims.get(key);
        if (held != null && !held.owner().equals(owner) && held.until().isAfter(now)) {
            return false;
        }
        claims.put(key, new Claim(owner, until));
        return true;
    }

    private record Claim(String owner, Instant until) {
    }

    @Override
    public synchronized void scheduleRetry(InboundKey key, int attempts, String error, Instant notBefore) {
        if (entries.containsKey(key) && entries.get(key).state() == InboxState.PENDING) {
            claims.remove(key);
        }
        updatePending(key, e -> new InboxEntry(e.sequence(), e.event(), InboxState.PENDING, attempts, Optional.of(error),
                e.receivedAt(), notBefore, Optional.empty()));
    }

    @Override
    public synchronized void deadLetter(InboundKey key, int attempts, String error, Instant at) {
        claims.remove(key);
        updatePending(key, e -> new InboxEntry(e.sequence(), e.event(), InboxState.DEAD, attempts, Optional.of(error),
                e.receivedAt(), e.notBefore(), Optional.of(at)));
    }

    @Override
    public synchronized int pruneHandled(Instant before) {
        int before0 = entries.size();
        entries.values().removeIf(e -> (e.state() == InboxState.HANDLED || e.state() == InboxState.SKIPPED)
                && e.handledAt().orElseThrow().isBefore(before));
        return before0 - entries.size();
    }

    @Override
    public synchronized long pendingCount() {
        return entries.values().stream().filter(e -> e.state() == InboxState.PENDING).count();
    }

    @Override
    public synchronized List<InboxEntry> deadLetters(int limit) {
        return entries.values().stream()
                .filter(e -> e.state() == InboxState.DEAD)
                .sorted(Comparator.comparing((InboxEntry e) -> e.handledAt().orElseThrow()).reversed()
                        .thenComparing(Comparator.comparingLong(InboxEntry::sequence).reversed()))
                .limit(limit)
                .toList();
    }

    /** Every entry, in arrival order (for assertions). */
    public synchronized List<InboxEntry> all() {
        return List.copyOf(entries.values());
    }

    private void updatePending(InboundKey key, java.util.function.UnaryOperator<InboxEntry> change) {
        InboxEntry entry = entries.get(key);
        if (entry != null && entry.state() == InboxState.PENDING) {
            entries.put(key, change.apply(entry));
        }
    }
}
