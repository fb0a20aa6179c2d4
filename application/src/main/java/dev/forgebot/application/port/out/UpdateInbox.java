package dev.forgebot.application.port.out;

import dev.forgebot.application.port.in.InboundEvent;
import dev.forgebot.domain.conversation.InboundKey;
import dev.forgebot.domain.lead.ChatId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The durable inbox every channel writes to before anything else happens: one entry per
 * {@link InboundKey} (source and external id).
 *
 * <p>Contract, kept by every implementation and checked by the contract suite:
 * <ul>
 *   <li>{@link #store} is atomic and idempotent per key: a key stored before is left exactly as it
 *       is (state, attempts and all) and is not reported as new; once it returns, the entries survive
 *       a crash of the process.</li>
 *   <li>{@link #pending} returns pending entries in arrival ({@code sequence}) order, due or not.</li>
 *   <li>State changes apply to pending entries only; a change to an entry that is no longer pending
 *       (or unknown) is ignored, so a late or repeated call cannot resurrect or overwrite it.</li>
 *   <li>{@link #claim} is atomic: of several owners claiming one entry at once, at most one succeeds,
 *       so instances sharing the inbox never handle an entry at the same time.</li>
 *   <li>Failures are {@link TransientStorageException} or {@link PermanentStorageException}.</li>
 * </ul>
 * Implementations are thread-safe.
 */
public interface UpdateInbox {

    /**
     * Stores the events whose keys are not stored yet, all or none.
     *
     * @param events     mapped events, in the order they arrived
     * @param receivedAt when they arrived
     * @return the keys that were new, in input order
     */
    List<InboundKey> store(List<? extends InboundEvent> events, Instant receivedAt);

    /**
     * Pending entries in arrival order, oldest first.
     *
     * @param limit         at most this many
     * @param excludedChats chats to leave out (those being handled right now)
     */
    List<InboxEntry> pending(int limit, Set<ChatId> excludedChats);

    /** The entry stored under {@code key}, if any. */
    Optional<InboxEntry> find(InboundKey key);

    /**
     * Marks a pending entry handled (or skipped) at {@code at}.
     *
     * @throws IllegalArgumentException if {@code finalState} is {@link InboxState#PENDING}
     */
    void markHandled(InboundKey key, InboxState finalState, Instant at);

    /**
     * Claims a pending entry for {@code owner} until {@code until}, so that of several instances sharing
     * this inbox only one handles it at a time. It succeeds when the entry is pending and unclaimed,
     * when its claim ran out ({@code until} of the claim at or before {@code now}), or when {@code owner}
     * holds it already (which moves its end to {@code until}); it fails for an entry that is claimed by
     * another owner, no longer pending, or unknown. {@link #scheduleRetry} releases the claim; a final
     * state makes it moot.
     *
     * @param owner an id of the claiming instance, 1..64 visible ASCII characters
     * @return whether {@code owner} holds the claim now
     */
    boolean claim(InboundKey key, String owner, Instant until, Instant now);

    /** Records a failed attempt on a pending entry and when to try again; releases its claim. */
    void scheduleRetry(InboundKey key, int attempts, String error, Instant notBefore);

    /** Gives up on a pending entry, keeping its error. */
    void deadLetter(InboundKey key, int attempts, String error, Instant at);

    /**
     * Deletes handled and skipped entries handled before {@code before} (dead letters are kept).
     *
     * @return how many were deleted
     */
    int pruneHandled(Instant before);

    /** Number of pending entries. */
    long pendingCount();

    /** Entries that were given up on, newest first, for operators. */
    List<InboxEntry> deadLetters(int limit);

}
