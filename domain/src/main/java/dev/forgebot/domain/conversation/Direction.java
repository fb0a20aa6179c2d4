package dev.forgebot.domain.conversation;

/** Who wrote a message: the customer ({@code INBOUND}) or the bot or an operator on its behalf ({@code OUTBOUND}). */
public enum Direction {
    INBOUND,
    OUTBOUND
}
