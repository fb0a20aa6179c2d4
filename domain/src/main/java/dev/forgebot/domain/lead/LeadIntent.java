package dev.forgebot.domain.lead;

/** What the customer seems to want, as far as enrichment can tell. */
public enum LeadIntent {
    UNKNOWN,
    /** General questions about the product. */
    RESEARCH,
    /** Asks about prices, plans or discounts. */
    PRICING,
    /** Wants to buy, upgrade or talk to sales. */
    PURCHASE,
    /** An existing customer with a problem. */
    SUPPORT
}
