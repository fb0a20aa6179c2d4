package dev.forgebot.application;

import dev.forgebot.domain.knowledge.KnowledgeBase;
import dev.forgebot.domain.lead.ChatId;
import java.util.Objects;

/**
 * How the bot handles messages. Immutable; validated once, at construction.
 *
 * @param operatorsChat    the operators' chat: handoff summaries go there, and operator commands are
 *                         accepted from there only
 * @param answerThreshold  the knowledge-base score (0..1] at or above which the bot answers
 * @param maxSearchResults how many top articles ground an answer, 1..{@value #MAX_SEARCH_RESULTS}
 * @param maxFileBytes     the largest customer file taken, positive (the file store's own limit applies too)
 */
public record BotSettings(ChatId operatorsChat, double answerThreshold, int maxSearchResults, long maxFileBytes) {

    /** The most articles an answer may be grounded in. */
    public static final int MAX_SEARCH_RESULTS = 20;
    /** Default search results used for grounding. */
    public static final int DEFAULT_SEARCH_RESULTS = 3;
    /** Default largest file: 20 MB, what Telegram's cloud Bot API lets a bot download. */
    public static final long DEFAULT_MAX_FILE_BYTES = 20L * 1024 * 1024;

    public BotSettings {
        Objects.requireNonNull(operatorsChat, "operatorsChat");
        if (!(answerThreshold > 0.0 && answerThreshold <= 1.0)) {
            throw new IllegalArgumentException("answerThreshold must be within (0, 1], was " + answerThreshold);
        }
        if (maxSearchResults < 1 || maxSearchResults > MAX_SEARCH_RESULTS) {
            throw new IllegalArgumentException(
                    "maxSearchResults must be within 1.." + MAX_SEARCH_RESULTS + ", was " + maxSearchResults);
        }
        if (maxFileBytes < 1) {
            throw new IllegalArgumentException("maxFileBytes must be positive, was " + maxFileBytes);
        }
    }

    /** The defaults for an operators' chat. */
    public static BotSettings defaults(ChatId operatorsChat) {
        return new BotSettings(operatorsChat, KnowledgeBase.DEFAULT_ANSWER_THRESHOLD, DEFAULT_SEARCH_RESULTS,
                DEFAULT_MAX_FILE_BYTES);
    }
}
