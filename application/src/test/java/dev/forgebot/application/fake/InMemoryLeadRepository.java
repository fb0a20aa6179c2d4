package dev.forgebot.application.fake;

import dev.forgebot.application.port.out.LeadRepository;
import dev.forgebot.application.port.out.PermanentStorageException;
import dev.forgebot.domain.lead.CustomerId;
import dev.forgebot.domain.lead.Lead;
import dev.forgebot.domain.lead.LeadId;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link LeadRepository} in memory; passes {@code LeadRepositoryContract}. Keeps, per lead, the
 * scheduled next follow-up and the last claim token, as the {@code leads} table does. Thread-safe
 * (one lock).
 */
public class InMemoryLeadRepository implements LeadRepository {

    private final Map<LeadId, Row> rows = new LinkedHashMap<>();
    private final Map<CustomerId, LeadId> byCustomer = new HashMap<>();

    @Override
    public synchronized Lead findOrCreate(Lead candidate, Optional<Instant> nextFollowUpAt) {
        Objects.requireNonNull(nextFollowUpAt, "nextFollowUpAt");
        LeadId existing = byCustomer.get(candidate.customerId());
        if (existing != null) {
            return rows.get(existing).lead();
        }
        if (rows.containsKey(candidate.id())) {
            throw new PermanentStorageException("leads.findOrCreate", "lead id already taken by another customer");
        }
        rows.put(candidate.id(), new Row(candidate, nextFollowUpAt, Optional.empty()));
        byCustomer.put(candidate.customerId(), candidate.id());
        return candidate;
    }

    @Override
    public synchronized Optional<Lead> find(LeadId id) {
        return Optional.ofNullable(rows.get(id)).map(Row::lead);
    }

    @Override
    public synchronized Optional<Lead> findByCustomer(CustomerId customerId) {
        return Optional.ofNullable(byCustomer.get(customerId)).map(id -> rows.get(id).lead());
    }

    @Override
    public synchronized Lead update(Lead lead, Optional<Instant> nextFollowUpAt) {
        Objects.requireNonNull(nextFollowUpAt, "nextFollowUpAt");
        Row row = rows.get(lead.id());
        if (row == null) {
            throw new PermanentStorageException("leads.update", "no lead " + lead.id().value());
        }
        LeadId owner = byCustomer.get(lead.customerId());
        if (owner != null && !owner.equals(lead.id())) {
            throw new PermanentStorageException("leads.update", "customer belongs to another lead");
        }
        byCustomer.remove(row.lead().customerId());
        byCustomer.put(lead.customerId(), lead.id());
        rows.put(lead.id(), new Row(lead, nextFollowUpAt, row.claimToken()));
        return lead;
    }

    @Override
    public synchronized List<Lead> dueForFollowUp(Instant now, int limit) {
        return rows.values().stream()
                .filter(r -> r.nextFollowUpAt().isPresent() && !r.nextFollowUpAt().get().isAfter(now))
                .sorted(Comparator.comparing((Row r) -> r.nextFollowUpAt().get())
                        .thenComparing(r -> r.lead().customerId().value()))
                .limit(limit)
                .map(Row::lead)
                .toList();
    }

    @Override
    public synchronized boolean claimFollowUp(LeadId id, int expectedSent, Instant sentAt, Optional<Instant> nextFollowUpAt,
            String claimToken) {
        Objects.requireNonNull(claimToken, "claimToken");
        Row row = rows.get(id);
        if (row == null) {
            return false;
        }
        int sent = row.lead().followUp().sent();
        if (sent == expectedSent) {
            rows.put(id, new Row(row.lead().followUpSent(sentAt), nextFollowUpAt, Optional.of(claimToken)));
            return true;
        }
        // A retry whose first attempt committed but lost its answer finds its own write.
        return sent == expectedSent + 1 && row.claimToken().equals(Optional.of(claimToken));
    }

    @Override
    public synchronized long count() {
        return rows.size();
    }

    /** Every lead, in creation order (for assertions and {@link InMemoryStatistics}). */
    public synchronized List<Lead> all() {
        return rows.values().stream().map(Row::lead).toList();
    }

    /** When the lead's next follow-up is due, as stored (for assertions). */
    public synchronized Optional<Instant> nextFollowUpAt(LeadId id) {
        return Optional.ofNullable(rows.get(id)).flatMap(Row::nextFollowUpAt);
    }

    private record Row(Lead lead, Optional<Instant> nextFollowUpAt, Optional<String> claimToken) {
    }
}
