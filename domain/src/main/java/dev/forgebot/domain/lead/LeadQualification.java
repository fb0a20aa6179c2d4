package dev.forgebot.domain.lead;

import dev.forgebot.domain.text.Keywords;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Pure rules for what a lead seems to want ({@link LeadIntent}) and how promising it is
 * ({@link LeadScore}).
 *
 * <p><b>Intent</b> of one message, first match wins:
 * <ol>
 *   <li>{@code PURCHASE}: buying words (buy, purchase, order, subscribe, sign up, upgrade, demo,
 *       trial, sales, quote, contract): the strongest sales signal, so it wins over the rest;</li>
 *   <li>{@code SUPPORT}: problem words (problem, issue, error, bug, broken, crash, fail, not working,
 *       doesn't work, can't log in, refund): someone with a problem needs help before a price list;</li>
 *   <li>{@code PRICING}: price words (price, pricing, cost, how much, fee, plan, discount, cheap,
 *       expensive, invoice, billing);</li>
 *   <li>{@code RESEARCH}: any other text with a letter or digit in it;</li>
 *   <li>{@code UNKNOWN}: empty or blank text, or text with no letter or digit (emoji only).</li>
 * </ol>
 * Over a conversation ({@link #intentAfter}), a message that says nothing specific ({@code RESEARCH}
 * or {@code UNKNOWN}) keeps the specific intent known so far.
 *
 * <p><b>Score</b> ({@link #score}), points added and capped at 100: e-mail 25, phone 25, company 15,
 * a name the customer gave 5; intent PURCHASE 30, PRICING 20, SUPPORT 10, RESEARCH 5, UNKNOWN 0;
 * 2 per customer message, at most 10. So a buyer who left an e-mail scores at least 55, a browser who
 * left nothing at most 15, and a lead becomes worth a call mainly by leaving a way to reach them.
 *
 * <p>Stateless and thread-safe.
 */
public final class LeadQualification {

    static final int EMAIL_POINTS = 25;
    static final int PHONE_POINTS = 25;
    static final int COMPANY_POINTS = 15;
    static final int NAME_POINTS = 5;
    static final int POINTS_PER_MESSAGE = 2;
    static final int MAX_MESSAGE_POINTS = 10;

    private static final Pattern PURCHASE = Pattern.compile(
            "\\b(?:buy|buying|bought|purchas\\w*|order(?:ing)?|subscrib\\w*|sign(?:ing)? ?up|upgrad\\w*|demo|trial"
                    + "|sales|quote|contract|licen[cs]es?)\\b");
    private static final Pattern SUPPORT = Pattern.compile(
            "\\b(?:problems?|issues?|errors?|bugs?|broken|crash\\w*|fail\\w*|not working|doesn'?t work|does not work"
                    + "|won'?t|can'?t|cannot|unable|stuck|refund\\w*|help me|wrong)\\b");
    private static final Pattern PRICING = Pattern.compile(
            "\\b(?:prices?|pricing|priced|costs?|how much|fees?|plans?|discounts?|cheap\\w*|expensive|invoices?"
                    + "|billing|per month|per year|annual)\\b");

    private static final String[] PURCHASE_WORDS = {
        "buy", "bought", "purchas", "order", "subscrib", "sign", "upgrad", "demo", "trial", "sales", "quote", "contract",
        "licen",
    };
    private static final String[] SUPPORT_WORDS = {
        "problem", "issue", "error", "bug", "broken", "crash", "fail", "work", "won", "can", "unable", "stuck", "refund",
        "help", "wrong",
    };
    private static final String[] PRICING_WORDS = {
        "price", "pricing", "priced", "cost", "how much", "fee", "plan", "discount", "cheap", "expensive", "invoice",
        "billing", "per ", "annual",
    };

    private LeadQualification() {
    }


    /** The intent one message shows; never null. */
    public static LeadIntent intentOf(String text) {
        if (text == null || text.codePoints().noneMatch(Character::isLetterOrDigit)) {
            return LeadIntent.UNKNOWN;
        }
        String lower = text.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        // Each pattern runs only when the text holds one of its words (a cheap screen, never stricter).
        if (Keywords.containsAny(lower, PURCHASE_WORDS) && PURCHASE.matcher(lower).find()) {
            return LeadIntent.PURCHASE;
        }
        if (Keywords.containsAny(lower, SUPPORT_WORDS) && SUPPORT.matcher(lower).find()) {
            return LeadIntent.SUPPORT;
        }
        if (Keywords.containsAny(lower, PRICING_WORDS) && PRICING.matcher(lower).find()) {
            return LeadIntent.PRICING;
        }
        return LeadIntent.RESEARCH;
    }

    /**
     * The intent after a new message: the message's own intent when it is specific (purchase,
     * support, pricing), otherwise the one known, otherwise RESEARCH or UNKNOWN from the message.
     */
    public static LeadIntent intentAfter(LeadIntent known, String text) {
        Objects.requireNonNull(known, "known");
        LeadIntent latest = intentOf(text);
        return switch (latest) {
            case PURCHASE, SUPPORT, PRICING -> latest;
            case RESEARCH -> known == LeadIntent.UNKNOWN ? LeadIntent.RESEARCH : known;
            case UNKNOWN -> known;
        };
    }

    /**
     * How promising a lead is (see the class comment for the points).
     *
     * @param contact          what is known about the customer
     * @param intent           what they seem to want
     * @param customerMessages how many messages they wrote, 0 or more
     */
    public static LeadScore score(ContactFacts contact, LeadIntent intent, int customerMessages) {
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(intent, "intent");
        if (customerMessages < 0) {
            throw new IllegalArgumentException("customer messages cannot be negative, was " + customerMessages);
        }
        int points = 0;
        points += contact.email().isPresent() ? EMAIL_POINTS : 0;
        points += contact.phone().isPresent() ? PHONE_POINTS : 0;
        points += contact.company().isPresent() ? COMPANY_POINTS : 0;
        points += contact.name().isPresent() ? NAME_POINTS : 0;
        points += switch (intent) {
            case PURCHASE -> 30;
            case PRICING -> 20;
            case SUPPORT -> 10;
            case RESEARCH -> 5;
            case UNKNOWN -> 0;
        };
        points += Math.min(MAX_MESSAGE_POINTS, POINTS_PER_MESSAGE * Math.min(customerMessages, MAX_MESSAGE_POINTS));
        return new LeadScore(Math.min(100, points));
    }
}
