package dev.forgebot.domain.lead;

import java.time.Instant;
import java.util.Objects;

/**
 * A customer who talked to the bot, with what is known about them and where they stand. Immutable:
 * every change returns a new {@code Lead}.
 *
 * @param id                    identity
 * @param customerId            the channel's user id; the natural key
 * @param chatId                where to write to the customer
 * @param contact               contact facts
 * @param status                funnel status
 * @param reachability          whether the customer blocked the bot
 * @param intent                what the customer seems to want
 * @param score                 how promising the lead is
 * @param createdAt             first contact
 * @param lastCustomerMessageAt the customer's latest message; silence is measured from here
 * @param followUp              follow-ups sent since that message
 * @param version               the stored version this state was read at (0 before it is first stored);
 *                              storage writes a change only if the lead is still at this version, so
 *                              two concurrent changes cannot overwrite each other
 */
public record Lead(
        LeadId id,
        CustomerId customerId,
        ChatId chatId,
        ContactFacts contact,
        LeadStatus status,
        Reachability reachability,
        LeadIntent intent,
        LeadScore score,
        Instant createdAt,
        Instant lastCustomerMessageAt,
        FollowUpState followUp,
        long version) {

    public Lead {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(chatId, "chatId");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reachability, "reachability");
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastCustomerMessageAt, "lastCustomerMessageAt");
        Objects.requireNonNull(followUp, "followUp");
        if (version < 0) {
            throw new IllegalArgumentException("a lead's version cannot be negative, was " + version);
        }
        if (lastCustomerMessageAt.isBefore(createdAt)) {
            throw new IllegalArgumentException("a lead's last message cannot precede its first contact");
        }
        if (followUp.lastSentAt().isPresent() && followUp.lastSentAt().get().isBefore(lastCustomerMessageAt)) {
            throw new IllegalArgumentException("follow-ups counted since the last message cannot precede it");
        }
    }

    /** A lead for a customer whose first message arrived at {@code at}. */
    public static Lead firstContact(LeadId id, CustomerId customerId, ChatId chatId, ContactFacts contact, Instant at) {
        return new Lead(id, customerId, chatId, contact, LeadStatus.NEW, Reachability.REACHABLE, LeadIntent.UNKNOWN,
                LeadScore.ZERO, at, at, FollowUpState.NONE, 0);
    }

    /**
     * The customer wrote at {@code at}: the silence ends, the follow-up count starts over, a customer
     * who writes is reachable again, and a new or closed conversation becomes an engaged one. A message
     * older than the latest one known (a late redelivery) changes nothing.
     */
    public Lead customerWrote(Instant at) {
        if (!at.isAfter(lastCustomerMessageAt)) {
            return this;
        }
        LeadStatus next = switch (status) {
            case NEW, CLOSED -> LeadStatus.ENGAGED;
            case ENGAGED, QUALIFIED, HANDED_OFF -> status;
        };
        return new Lead(id, customerId, chatId, contact, next, Reachability.REACHABLE, intent, score, createdAt, at,
                FollowUpState.NONE, version);
    }

    /**
     * Enrichment's findings: newer contact facts win, a known intent replaces an unknown one, the
     * score is the new one. A lead that left an email or phone becomes qualified unless operators
     * have it or it is closed.
     */
    public Lead enrich(ExtractedFacts facts, LeadIntent newIntent, LeadScore newScore) {
        ContactFacts merged = contact.merge(facts);
        LeadIntent mergedIntent = newIntent == LeadIntent.UNKNOWN ? intent : newIntent;
        LeadStatus next = switch (status) {
            case NEW, ENGAGED -> merged.isReachableOffChannel() ? LeadStatus.QUALIFIED : status;
            case QUALIFIED, HANDED_OFF, CLOSED -> status;
        };
        return new Lead(id, customerId, chatId, merged, next, reachability, mergedIntent, newScore, createdAt,
                lastCustomerMessageAt, followUp, version);
    }

    /** The channel shows another display name for the customer. */
    public Lead withDisplayName(String displayName) {
        return new Lead(id, customerId, chatId, contact.withDisplayName(displayName), status, reachability, intent,
                score, createdAt, lastCustomerMessageAt, followUp, version);
    }

    /** Human operators take the conversation. */
    public Lead handOff() {
        return withStatus(LeadStatus.HANDED_OFF);
    }

    /** Operators are done and give the conversation back to the bot. */
    public Lead returnToBot() {
        if (status != LeadStatus.HANDED_OFF) {
            return this;
        }
        return withStatus(contact.isReachableOffChannel() ? LeadStatus.QUALIFIED : LeadStatus.ENGAGED);
    }

    /** The conversation is done with. */
    public Lead close() {
        return withStatus(LeadStatus.CLOSED);
    }

    /** The customer blocked the bot. */
    public Lead block() {
        return withReachability(Reachability.BLOCKED);
    }

    /** The customer unblocked the bot. */
    public Lead unblock() {
        return withReachability(Reachability.REACHABLE);
    }

    /**
     * A follow-up went out at {@code at}.
     *
     * @throws IllegalArgumentException if {@code at} precedes the customer's last message
     */
    public Lead followUpSent(Instant at) {
        return new Lead(id, customerId, chatId, contact, status, reachability, intent, score, createdAt,
                lastCustomerMessageAt, followUp.next(at), version);
    }

    /** The same state as stored at {@code storedVersion}; for storage adapters. */
    public Lead atVersion(long storedVersion) {
        return new Lead(id, customerId, chatId, contact, status, reachability, intent, score, createdAt,
                lastCustomerMessageAt, followUp, storedVersion);
    }

    /** Whether the chat with this customer is in operators' hands. */
    public boolean isHandedOff() {
        return status == LeadStatus.HANDED_OFF;
    }

    private Lead withStatus(LeadStatus next) {
        return new Lead(id, customerId, chatId, contact, next, reachability, intent, score, createdAt,
                lastCustomerMessageAt, followUp, version);
    }

    private Lead withReachability(Reachability next) {
        return new Lead(id, customerId, chatId, contact, status, next, intent, score, createdAt,
                lastCustomerMessageAt, followUp, version);
    }
}
