package dev.forgebot.domain.conversation;

/** Whether operators are still handling a handed-off conversation. */
public enum TicketStatus {
    OPEN,
    CLOSED
}
