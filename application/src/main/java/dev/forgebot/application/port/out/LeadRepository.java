package dev.forgebot.application.port.out;

import dev.forgebot.domain.lead.CustomerId;
import dev.forgebot.domain.lead.Lead;
import dev.forgebot.domain.lead.LeadId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Leads, one per customer.
 *
 * <p>Contract (checked by the contract suite against every implementation):
 * <ul>
 *   <li>{@link #findOrCreate} is idempotent on the natural key {@link Lead#customerId()}: when a lead
 *       for that customer exists, it is returned unchanged and the candidate is dropped, so a replay
 *       never overwrites what was written since.</li>
 *   <li>{@link #update} is a true update with optimistic concurrency: it replaces the stored state
 *       only if nobody wrote the lead since it was read (the stored version is still
 *       {@link Lead#version()}), and then increments the version; otherwise it writes nothing and
 *       says so, and the caller reads the lead again and reapplies its change. Two concurrent
 *       changes of one lead (an enrichment and a handoff) therefore never overwrite each other.</li>
 *   <li>{@link #claimFollowUp} is a conditional update on the follow-up count carrying a claim
 *       token: exactly one of several concurrent claims for the same step wins, and a repeated
 *       call with the winning token (a retry after a lost answer) is recognised as the winner. A
 *       claim increments the version like any other write.</li>
 *   <li>Failures are {@link TransientStorageException} or {@link PermanentStorageException}.</li>
 * </ul>
 * Implementations are thread-safe.
 */
public interface LeadRepository {

    /**
     * Returns the lead of {@code candidate.customerId()}, storing {@code candidate} first if there is none.
     *
     * @param candidate       the lead to create if the customer is new
     * @param nextFollowUpAt  when the candidate's first follow-up falls due, if ever
     */
    Lead findOrCreate(Lead candidate, Optional<Instant> nextFollowUpAt);

    /** The lead with this id. */
    Optional<Lead> find(LeadId id);

    /** The lead of this customer. */
    Optional<Lead> findByCustomer(CustomerId customerId);

    /**
     * Replaces the stored state of {@code lead} if the stored lead is still at {@code lead.version()}.
     *
     * @param lead           the new state, carrying the version it was read at
     * @param nextFollowUpAt when its next follow-up falls due, if ever (what {@link #dueForFollowUp} queries)
     * @return the stored lead at the next version; empty when the lead was written since it was read
     *     (nothing was written: read it again and reapply the change)
     * @throws PermanentStorageException if no such lead exists
     */
    Optional<Lead> update(Lead lead, Optional<Instant> nextFollowUpAt);

    /** Leads whose next follow-up is due at {@code now}, earliest first. */
    List<Lead> dueForFollowUp(Instant now, int limit);

    /**
     * Claims follow-up number {@code expectedSent} of a lead: the stored follow-up count moves from
     * {@code expectedSent} to {@code expectedSent + 1} (with {@code sentAt} and {@code nextFollowUpAt})
     * only if it is still {@code expectedSent}, recording {@code claimToken}.
     *
     * @return true if this token holds the claim, also when a retry of the same call finds its own
     *     earlier write; false if another claim won or the lead changed
     */
    boolean claimFollowUp(LeadId id, int expectedSent, Instant sentAt, Optional<Instant> nextFollowUpAt, String claimToken);

    /** Number of leads. */
    long count();
}
