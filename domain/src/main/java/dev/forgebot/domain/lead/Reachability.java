package dev.forgebot.domain.lead;

/** Whether the bot can message the customer: a customer who blocked the bot is not to be messaged first. */
public enum Reachability {
    REACHABLE,
    BLOCKED
}
