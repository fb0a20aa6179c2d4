package dev.forgebot.adapter.insforge.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forgebot.adapter.insforge.http.Direction;
import dev.forgebot.adapter.insforge.http.Filter;
import dev.forgebot.adapter.insforge.http.InsForgeHttpClient;
import dev.forgebot.adapter.insforge.http.RecordsQuery;
import dev.forgebot.application.port.out.LeadRepository;
import dev.forgebot.application.port.out.PermanentStorageException;
import dev.forgebot.domain.lead.ChatId;
import dev.forgebot.domain.lead.CompanyName;
import dev.forgebot.domain.lead.ContactFacts;
import dev.forgebot.domain.lead.CustomerId;
import dev.forgebot.domain.lead.EmailAddress;
import dev.forgebot.domain.lead.FollowUpState;
import dev.forgebot.domain.lead.Lead;
import dev.forgebot.domain.lead.LeadId;
import dev.forgebot.domain.lead.LeadIntent;
import dev.forgebot.domain.lead.LeadScore;
import dev.forgebot.domain.lead.LeadStatus;
import dev.forgebot.domain.lead.PersonName;
import dev.forgebot.domain.lead.PhoneNumber;
import dev.forgebot.domain.lead.Reachability;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link LeadRepository} on the InsForge {@code leads} table. {@code findOrCreate} POSTs with
 * {@code on_conflict=telegram_user_id} and ignore-duplicates, then reads the stored row when the
 * customer was known. {@code update} is a PATCH filtered on {@code id} and {@code version} that sets
 * the next version (nothing changed: the lead moved on, or does not exist, which is permanent). The
 * follow-up claim is a PATCH filtered on {@code follow_ups_sent=eq.expected} (and the customer not
 * having written after the send), recording the claim token; a claim that changed nothing is the
 * winner only if the stored count is one further and the token its own. Thread-safe.
 */
public final class InsForgeLeadRepository implements LeadRepository {

    private static final String TABLE = "leads";
    private static final int MAX_CLAIM_ATTEMPTS = 5;

    private final InsForgeHttpClient client;

    public InsForgeLeadRepository(InsForgeHttpClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public Lead findOrCreate(Lead candidate, Optional<Instant> nextFollowUpAt) {
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(nextFollowUpAt, "nextFollowUpAt");
        ObjectNode row = columns(candidate, nextFollowUpAt);
        List<JsonNode> inserted = client.insertIgnoringDuplicates(TABLE, List.of(row), "telegram_user_id");
        if (!inserted.isEmpty()) {
            return lead("leads.findOrCreate", inserted.get(0));
        }
        return findByCustomer(candidate.customerId())
                .orElseThrow(() -> new PermanentStorageException("leads.findOrCreate", "lead vanished after insert"));
    }

    @Override
    public Optional<Lead> find(LeadId id) {
        Objects.requireNonNull(id, "id");
        return one("leads.find", Filter.eq("id", id.value().toString()));
    }

    @Override
    public Optional<Lead> findByCustomer(CustomerId customerId) {
        Objects.requireNonNull(customerId, "customerId");
        return one("leads.findByCustomer", Filter.eq("telegram_user_id", customerId.value()));
    }

    @Override
    public Optional<Lead> update(Lead lead, Optional<Instant> nextFollowUpAt) {
        Objects.requireNonNull(lead, "lead");
        Objects.requireNonNull(nextFollowUpAt, "nextFollowUpAt");
        ObjectNode changes = columns(lead, nextFollowUpAt);
        changes.remove("id");
        changes.put("version", lead.version() + 1);
        List<JsonNode> changed = client.update(TABLE, List.of(
                Filter.eq("id", lead.id().value().toString()), Filter.eq("version", lead.version())), changes);
        if (!changed.isEmpty()) {
            return Optional.of(lead("leads.update", changed.get(0)));
        }
        // Nothing changed: the lead moved on since it was read, or it does not exist at all.
        if (find(lead.id()).isEmpty()) {
            throw new PermanentStorageException("leads.update", "no lead " + lead.id().value());
        }
        return Optional.empty();
    }

    @Override
    public List<Lead> dueForFollowUp(Instant now, int limit) {
        Objects.requireNonNull(now, "now");
        Rows.requireLimit(limit);
        RecordsQuery query = RecordsQuery.from(TABLE)
                .where(Filter.lte("next_follow_up_at", Rows.bound(now)))
                .orderBy("next_follow_up_at", Direction.ASC)
                .orderBy("telegram_user_id", Direction.ASC);
        List<Lead> out = new ArrayList<>();
        for (JsonNode row : Rows.select(client, query, limit)) {
            out.add(lead("leads.dueForFollowUp", row));
        }
        return List.copyOf(out);
    }

    @Override
    public boolean claimFollowUp(LeadId id, int expectedSent, Instant sentAt, Optional<Instant> nextFollowUpAt,
                                 String claimToken) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(nextFollowUpAt, "nextFollowUpAt");
        Objects.requireNonNull(claimToken, "claimToken");
        String op = "leads.claimFollowUp";
        // PostgREST cannot PATCH version = version + 1: read the version, then compare-and-set on it.
        // A concurrent write of another field (an enrichment) only moves the version on, so the claim
        // reads again and retries a few times; a moved count or a newer customer message ends it.
        for (int attempt = 0; attempt < MAX_CLAIM_ATTEMPTS; attempt++) {
            Optional<Lead> current = find(id);
            if (current.isEmpty() || current.get().followUp().sent() != expectedSent
                    || current.get().lastCustomerMessageAt().isAfter(Rows.stored(sentAt))) {
                break;
            }
            Lead read = current.get();
            ObjectNode changes = Rows.object();
            changes.put("follow_ups_sent", expectedSent + 1);
            changes.put("last_follow_up_at", Rows.time(sentAt));
            Rows.putTime(changes, "next_follow_up_at", nextFollowUpAt);
            changes.put("claim_token", claimToken);
            changes.put("version", read.version() + 1);
            // A follow-up cannot precede the customer's last message (the Lead invariant): a lead whose
            // customer wrote after sentAt changed since the claim was decided, so the claim loses.
            List<JsonNode> changed = client.update(TABLE, List.of(
                    Filter.eq("id", id.value().toString()),
                    Filter.eq("follow_ups_sent", expectedSent),
                    Filter.eq("version", read.version()),
                    Filter.lte("last_customer_message_at", Rows.time(sentAt))), changes);
            if (!changed.isEmpty()) {
                return true;
            }
        }
        // A retry whose first attempt committed but lost its answer finds its own write.
        List<JsonNode> rows = client.select(RecordsQuery.from(TABLE).select("id", "follow_ups_sent", "claim_token")
                .where(Filter.eq("id", id.value().toString())).limit(1));
        return !rows.isEmpty()
                && Rows.intValue(op, rows.get(0), "follow_ups_sent") == expectedSent + 1
                && claimToken.equals(Rows.optionalText(rows.get(0), "claim_token").orElse(null));
    }

    @Override
    public long count() {
        return client.count(TABLE, List.of());
    }

    private Optional<Lead> one(String op, Filter filter) {
        List<JsonNode> rows = client.select(RecordsQuery.from(TABLE).where(filter).limit(1));
        return rows.isEmpty() ? Optional.empty() : Optional.of(lead(op, rows.get(0)));
    }

    /** Every written column of {@code lead} (not version or claim token). */
    private static ObjectNode columns(Lead lead, Optional<Instant> nextFollowUpAt) {
        ContactFacts contact = lead.contact();
        ObjectNode row = Rows.object();
        row.put("id", lead.id().value().toString());
        row.put("telegram_user_id", lead.customerId().value());
        row.put("chat_id", lead.chatId().value());
        Rows.putText(row, "display_name", contact.displayName());
        Rows.putText(row, "name", contact.name().map(PersonName::value));
        Rows.putText(row, "email", contact.email().map(EmailAddress::value));
        Rows.putText(row, "phone", contact.phone().map(PhoneNumber::normalized));
        Rows.putText(row, "company", contact.company().map(CompanyName::value));
        row.put("status", lead.status().name());
        row.put("reachability", lead.reachability().name());
        row.put("intent", lead.intent().name());
        row.put("score", lead.score().value());
        row.put("created_at", Rows.time(lead.createdAt()));
        row.put("last_customer_message_at", Rows.time(lead.lastCustomerMessageAt()));
        row.put("follow_ups_sent", lead.followUp().sent());
        Rows.putTime(row, "last_follow_up_at", lead.followUp().lastSentAt());
        Rows.putTime(row, "next_follow_up_at", nextFollowUpAt);
        return row;
    }

    private static Lead lead(String op, JsonNode row) {
        return Rows.reading(op, () -> new Lead(
                new LeadId(Rows.uuid(op, row, "id")),
                new CustomerId(Rows.longValue(op, row, "telegram_user_id")),
                new ChatId(Rows.longValue(op, row, "chat_id")),
                new ContactFacts(
                        Rows.optionalText(row, "display_name"),
                        Rows.optionalText(row, "name").map(PersonName::new),
                        Rows.optionalText(row, "email").map(EmailAddress::new),
                        Rows.optionalText(row, "phone").map(PhoneNumber::parse),
                        Rows.optionalText(row, "company").map(CompanyName::new)),
                Rows.enumValue(op, row, "status", LeadStatus.class),
                Rows.enumValue(op, row, "reachability", Reachability.class),
                Rows.enumValue(op, row, "intent", LeadIntent.class),
                new LeadScore(Rows.intValue(op, row, "score")),
                Rows.instant(op, row, "created_at"),
                Rows.instant(op, row, "last_customer_message_at"),
                new FollowUpState(Rows.intValue(op, row, "follow_ups_sent"),
                        Rows.optionalInstant(op, row, "last_follow_up_at")),
                Rows.longValue(op, row, "version")));
    }
}
