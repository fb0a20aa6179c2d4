package dev.forgebot.application.port.out;

import dev.forgebot.domain.conversation.InboundKey;
import dev.forgebot.domain.lead.LeadId;
import java.time.Instant;
import java.util.Objects;

/**
 * A customer question the knowledge base could not answer.
 *
 * @param key       the message it came in
 * @param leadId    who asked
 * @param text      the question
 * @param bestScore the best search score it got, 0..1
 * @param askedAt   when
 */
public record LoggedQuestion(InboundKey key, LeadId leadId, String text, double bestScore, Instant askedAt) {

    public LoggedQuestion {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(leadId, "leadId");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(askedAt, "askedAt");
        if (!(bestScore >= 0.0 && bestScore <= 1.0)) {
            throw new IllegalArgumentException("bestScore must be within 0..1, was " + bestScore);
        }
    }

    @Override
    public String toString() {
        return "LoggedQuestion[key=" + key + ", lead=" + leadId.value() + ", score=" + bestScore + "]";
    }
}
