package dev.forgebot.application.service;

import dev.forgebot.application.port.out.LeadRepository;
import dev.forgebot.application.port.out.PermanentStorageException;
import dev.forgebot.application.port.out.TransientStorageException;
import dev.forgebot.domain.followup.FollowUpPolicy;
import dev.forgebot.domain.lead.Lead;
import dev.forgebot.domain.lead.LeadId;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Applies a change to a lead without losing a concurrent one: the change is a function of the
 * lead's state, written with {@link LeadRepository#update}'s optimistic check; when the lead was
 * written meanwhile (an enrichment racing a handoff, an operator closing a ticket while the
 * customer writes), it is read again and the change reapplied to the newer state. The stored next
 * follow-up time always follows from the state written, through the {@link FollowUpPolicy}.
 *
 * <p>This is a retry on conflict, not on failure: storage failures propagate untouched. Thread-safe.
 */
public final class LeadChanges {

    /** Conflicts tolerated for one change before it is given up as a transient failure. */
    static final int MAX_CONFLICTS = 8;

    private final LeadRepository leads;
    private final FollowUpPolicy followUps;

    public LeadChanges(LeadRepository leads, FollowUpPolicy followUps) {
        this.leads = Objects.requireNonNull(leads, "leads");
        this.followUps = Objects.requireNonNull(followUps, "followUps");
    }

    /**
     * Applies {@code change} to {@code current} (as read) and stores the result.
     *
     * @return the lead as stored afterwards; {@code current} itself when the change changes nothing
     * @throws TransientStorageException  when the lead kept changing under this change
     * @throws PermanentStorageException  when the lead no longer exists
     */
    public Lead apply(Lead current, UnaryOperator<Lead> change) {
        Lead read = current;
        for (int conflicts = 0; conflicts < MAX_CONFLICTS; conflicts++) {
            Lead changed = change.apply(read);
            if (changed.equals(read)) {
                return read;
            }
            Optional<Lead> stored = leads.update(changed, followUps.nextDueAt(changed));
            if (stored.isPresent()) {
                return stored.get();
            }
            LeadId id = read.id();
            read = leads.find(id).orElseThrow(
                    () -> new PermanentStorageException("leads.update", "lead " + id.value() + " no longer exists"));
        }
        throw new TransientStorageException("leads.update",
                "lead " + current.id().value() + " changed concurrently " + MAX_CONFLICTS + " times");
    }

    /**
     * Reads the lead and applies {@code change} to it.
     *
     * @return the lead as stored afterwards, or empty if there is no such lead
     */
    public Optional<Lead> apply(LeadId id, UnaryOperator<Lead> change) {
        return leads.find(id).map(lead -> apply(lead, change));
    }
}
