package dev.forgebot.application.port.out;

import java.time.Instant;

/**
 * Figures for the operators' {@code /stats}.
 *
 * <p>Computed by the store in one call (on InsForge a single RPC, attempted once). Failures are
 * {@link TransientStorageException} or {@link PermanentStorageException}. Thread-safe.
 */
public interface Statistics {

    /** Figures for activity since {@code since}. */
    BotStats since(Instant since);

    /**
     * What {@code /stats} shows.
     *
     * @param leads            leads in total
     * @param newLeads         leads first seen since the start of the window
     * @param qualifiedLeads   leads with an email or phone
     * @param inboundMessages  customer messages in the window
     * @param openTickets      handoffs operators have not closed
     * @param unanswered       questions the bot could not answer in the window
     * @param drafts           scenario drafts waiting for review
     */
    record BotStats(long leads, long newLeads, long qualifiedLeads, long inboundMessages, long openTickets,
            long unanswered, long drafts) {
    }
}
