package dev.forgebot.bootstrap.wiring;

import dev.forgebot.application.port.in.InboundEvent;
import dev.forgebot.application.port.out.InboxEntry;
import dev.forgebot.application.port.out.InboxState;
import dev.forgebot.application.port.out.UpdateInbox;
import dev.forgebot.bootstrap.management.ForgebotMetrics;
import dev.forgebot.domain.conversation.InboundKey;
import dev.forgebot.domain.lead.ChatId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Counts handled, retried and dead-lettered inbox entries on the way to the real inbox. */
final class MeteredUpdateInbox implements UpdateInbox {

    private final UpdateInbox inbox;
    private final ForgebotMetrics metrics;

    MeteredUpdateInbox(UpdateInbox inbox, ForgebotMetrics metrics) {
        this.inbox = inbox;
        this.metrics = metrics;
    }

    @Override
    public List<InboundKey> store(List<? extends InboundEvent> events, Instant receivedAt) {
        return inbox.store(events, receivedAt);
    }

    @Override
    public List<InboxEntry> pending(int limit, Set<ChatId> excludedChats) {
        return inbox.pending(limit, excludedChats);
    }

    @Override
    public Optional<InboxEntry> find(InboundKey key) {
        return inbox.find(key);
    }

    @Override
    public void markHandled(InboundKey key, InboxState finalState, Instant at) {
        inbox.markHandled(key, finalState, at);
        metrics.updateHandled(finalState.name().toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    public boolean claim(InboundKey key, String owner, Instant until, Instant now) {
        return inbox.claim(key, owner, until, now);
    }

    @Override
    public void scheduleRetry(InboundKey key, int attempts, String error, Instant notBefore) {
        inbox.scheduleRetry(key, attempts, error, notBefore);
        metrics.retry("inbox_entry");
    }

    @Override
    public void deadLetter(InboundKey key, int attempts, String error, Instant at) {
        inbox.deadLetter(key, attempts, error, at);
        metrics.updateHandled("dead");
    }

    @Override
    public int pruneHandled(Instant before) {
        return inbox.pruneHandled(before);
    }

    @Override
    public long pendingCount() {
        return inbox.pendingCount();
    }

    @Override
    public List<InboxEntry> deadLetters(int limit) {
        return inbox.deadLetters(limit);
    }
}
