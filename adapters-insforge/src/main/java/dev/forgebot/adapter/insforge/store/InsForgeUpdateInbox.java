package dev.forgebot.adapter.insforge.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forgebot.adapter.insforge.http.Direction;
import dev.forgebot.adapter.insforge.http.Filter;
import dev.forgebot.adapter.insforge.http.InsForgeHttpClient;
import dev.forgebot.adapter.insforge.http.IsValue;
import dev.forgebot.adapter.insforge.http.RecordsQuery;
import dev.forgebot.application.port.in.InboundEvent;
import dev.forgebot.application.port.out.InboxEntry;
import dev.forgebot.application.port.out.InboxState;
import dev.forgebot.application.port.out.UpdateInbox;
import dev.forgebot.domain.conversation.InboundKey;
import dev.forgebot.domain.lead.ChatId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@link UpdateInbox} on the InsForge {@code inbox} table. A store is one POST of every event with
 * {@code on_conflict=source,external_id} and {@code ignore-duplicates} (one statement: all or none; a
 * known key is left exactly as it is), and the rows it returns are the new keys. State changes are
 * PATCHes filtered on {@code state=eq.PENDING}, so a late or repeated call changes nothing. Arrival
 * order is the identity column {@code sequence}. A {@link #claim} is one conditional PATCH of
 * {@code claimed_by}/{@code claimed_until} (see there). Thread-safe (the client is).
 */
public final class InsForgeUpdateInbox implements UpdateInbox {

    private static final String TABLE = "inbox";
    private static final String PENDING = InboxState.PENDING.name();

    private final InsForgeHttpClient client;

    public InsForgeUpdateInbox(InsForgeHttpClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public List<InboundKey> store(List<? extends InboundEvent> events, Instant receivedAt) {
        Objects.requireNonNull(receivedAt, "receivedAt");
        events.forEach(event -> Objects.requireNonNull(event, "event"));
        if (events.isEmpty()) {
            return List.of();
        }
        String at = Rows.time(receivedAt);
        // one row per key: a batch repeating a key stores its first occurrence
        Map<InboundKey, InboundEvent> unique = new LinkedHashMap<>();
        for (InboundEvent event : events) {
            unique.putIfAbsent(event.key(), event);
        }
        List<ObjectNode> rows = new ArrayList<>();
        for (InboundEvent event : unique.values()) {
            ObjectNode row = Rows.object();
            rows.add(row);
            row.put("source", event.key().source());
            row.put("external_id", event.key().externalId());
            row.put("chat_id", event.chatId().value());
            row.set("event", EventJson.write(event));
            row.put("state", PENDING);
            row.put("attempts", 0);
            row.put("received_at", at);
            row.put("next_attempt_at", at);
        }
        List<JsonNode> inserted = client.insertIgnoringDuplicates(TABLE, rows,
                "source", "external_id");
        Set<InboundKey> fresh = new HashSet<>();
        for (JsonNode row : inserted) {
            fresh.add(new InboundKey(Rows.text("inbox.store", row, "source"), Rows.text("inbox.store", row, "external_id")));
        }
        List<InboundKey> out = new ArrayList<>();
        for (InboundKey key : unique.keySet()) {
            if (fresh.contains(key)) {
                out.add(key);
            }
        }
        return List.copyOf(out);
    }

    @Override
    public List<InboxEntry> pending(int limit, Set<ChatId> excludedChats) {
        Rows.requireLimit(limit);
        Objects.requireNonNull(excludedChats, "excludedChats");
        List<Filter> where = new ArrayList<>();
        where.add(Filter.eq("state", PENDING));
        if (!excludedChats.isEmpty()) {
            List<Filter> notIn = excludedChats.stream().map(c -> Filter.neq("chat_id", c.value())).toList();
            where.add(Filter.and(notIn.toArray(Filter[]::new)));
        }
        return entries("inbox.pending", RecordsQuery.from(TABLE).where(where.toArray(Filter[]::new))
                .orderBy("sequence", Direction.ASC), limit);
    }

    @Override
    public Optional<InboxEntry> find(InboundKey key) {
        Objects.requireNonNull(key, "key");
        return entries("inbox.find", RecordsQuery.from(TABLE).where(byKey(key)).orderBy("sequence", Direction.ASC), 1)
                .stream().findFirst();
    }

    @Override
    public void markHandled(InboundKey key, InboxState finalState, Instant at) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(at, "at");
        if (!finalState.isFinal()) {
            throw new IllegalArgumentException("not a final state: " + finalState);
        }
        ObjectNode changes = Rows.object();
        changes.put("state", finalState.name());
        changes.put("handled_at", Rows.time(at));
        updatePending(key, changes);
    }

    /**
     * One conditional PATCH: {@code claimed_by=owner, claimed_until=until} where the key matches, the
     * entry is pending and {@code or=(claimed_until.is.null,claimed_until.lte.<now>,claimed_by.eq.<owner>)};
     * it holds the claim iff a row comes back. PostgreSQL re-checks the WHERE of an UPDATE on the row
     * version it waited for, so of several owners racing for one entry only the first writer's
     * conditions still hold. Times are compared at microseconds, as stored.
     *
     * <p>The client retries a PATCH on a transient failure. A claim that had in fact been written before
     * the failure finds the entry held by the same owner on the retry, which succeeds again (and writes
     * the same values): the retried claim answers true, as the first one would have.
     */
    @Override
    public boolean claim(InboundKey key, String owner, Instant until, Instant now) {
        Objects.requireNonNull(key, "key");
        requireOwner(owner);
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(now, "now");
        ObjectNode changes = Rows.object();
        changes.put("claimed_by", owner);
        changes.put("claimed_until", Rows.time(until));
        List<Filter> where = new ArrayList<>(List.of(byKey(key)));
        where.add(Filter.eq("state", PENDING));
        where.add(Filter.or(
                Filter.is("claimed_until", IsValue.NULL),
                Filter.lte("claimed_until", Rows.bound(now)),
                Filter.eq("claimed_by", owner)));
        return !client.update(TABLE, where, changes).isEmpty();
    }

    @Override
    public void scheduleRetry(InboundKey key, int attempts, String error, Instant notBefore) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(notBefore, "notBefore");
        requireAttempts(attempts);
        ObjectNode changes = Rows.object();
        changes.put("attempts", attempts);
        changes.put("last_error", error);
        changes.put("next_attempt_at", Rows.time(notBefore));
        changes.putNull("claimed_by");
        changes.putNull("claimed_until");
        updatePending(key, changes);
    }

    @Override
    public void deadLetter(InboundKey key, int attempts, String error, Instant at) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(at, "at");
        requireAttempts(attempts);
        ObjectNode changes = Rows.object();
        changes.put("state", InboxState.DEAD.name());
        changes.put("attempts", attempts);
        changes.put("last_error", error);
        changes.put("handled_at", Rows.time(at));
        updatePending(key, changes);
    }

    @Override
    public int pruneHandled(Instant before) {
        Objects.requireNonNull(before, "before");
        return client.delete(TABLE, List.of(
                Filter.in("state", List.of(InboxState.HANDLED.name(), InboxState.SKIPPED.name())),
                Filter.lt("handled_at", Rows.bound(before)))).size();
    }

    @Override
    public long pendingCount() {
        return client.count(RecordsQuery.from(TABLE).where(Filter.eq("state", PENDING)).orderBy("sequence", Direction.ASC));
    }

    @Override
    public List<InboxEntry> deadLetters(int limit) {
        Rows.requireLimit(limit);
        return entries("inbox.deadLetters", RecordsQuery.from(TABLE).where(Filter.eq("state", InboxState.DEAD.name()))
                .orderBy("handled_at", Direction.DESC).orderBy("sequence", Direction.DESC), limit);
    }

    private void updatePending(InboundKey key, ObjectNode changes) {
        List<Filter> where = new ArrayList<>(List.of(byKey(key)));
        where.add(Filter.eq("state", PENDING));
        client.update(TABLE, where, changes);
    }

    private static Filter[] byKey(InboundKey key) {
        return new Filter[] {Filter.eq("source", key.source()), Filter.eq("external_id", key.externalId())};
    }

    /** 1..64 visible ASCII characters, as the port says (the column's check bounds only the length). */
    private static void requireOwner(String owner) {
        Objects.requireNonNull(owner, "owner");
        if (owner.isEmpty() || owner.length() > 64 || !owner.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("owner must be 1..64 visible ASCII characters");
        }
    }

    private static void requireAttempts(int attempts) {
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts cannot be negative, was " + attempts);
        }
    }

    private List<InboxEntry> entries(String op, RecordsQuery query, int limit) {
        List<InboxEntry> out = new ArrayList<>();
        for (JsonNode row : Rows.select(client, query, limit)) {
            out.add(Rows.reading(op, () -> new InboxEntry(
                    Rows.longValue(op, row, "sequence"),
                    EventJson.read(op, row.get("event")),
                    Rows.enumValue(op, row, "state", InboxState.class),
                    Rows.intValue(op, row, "attempts"),
                    Rows.optionalText(row, "last_error"),
                    Rows.instant(op, row, "received_at"),
                    Rows.instant(op, row, "next_attempt_at"),
                    Rows.optionalInstant(op, row, "handled_at"))));
        }
        return List.copyOf(out);
    }
}
