package dev.forgebot.domain.lead;

/** Where a lead stands in the funnel. */
public enum LeadStatus {
    /** Wrote once. */
    NEW,
    /** Wrote again: a conversation is going on. */
    ENGAGED,
    /** Left a way to reach them (an email address or a phone number). */
    QUALIFIED,
    /** Human operators have the conversation; the bot sends no follow-ups. */
    HANDED_OFF,
    /** Done with; the bot sends no follow-ups until the customer writes again. */
    CLOSED
}
