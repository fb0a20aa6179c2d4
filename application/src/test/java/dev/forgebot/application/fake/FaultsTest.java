package dev.forgebot.application.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forgebot.application.port.out.PermanentStorageException;
import dev.forgebot.application.port.out.QuestionLog;
import dev.forgebot.application.port.out.LoggedQuestion;
import dev.forgebot.application.port.out.TransientStorageException;
import dev.forgebot.domain.conversation.InboundKey;
import dev.forgebot.domain.lead.LeadId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FaultsTest {

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    private final InMemoryQuestionLog real = new InMemoryQuestionLog();

    private static LoggedQuestion question(int key) {
        return new LoggedQuestion(new InboundKey("telegram", Integer.toString(key)), LeadId.random(), "q", 0.1, T0);
    }

    @Test
    void aTransientFaultFailsOnlyTheNthCallAndWritesNothing() {
        Faults<QuestionLog> faults = Faults.of(QuestionLog.class, real).transientOn("record", 2);
        QuestionLog log = faults.port();

        log.record(question(1));
        assertThatThrownBy(() -> log.record(question(2))).isInstanceOf(TransientStorageException.class);
        log.record(question(3));

        assertThat(real.count()).isEqualTo(2);
        assertThat(faults.calls("record")).isEqualTo(3);
    }

    @Test
    void aPermanentFaultThrowsPermanent() {
        QuestionLog log = Faults.of(QuestionLog.class, real).permanentOn("count", 1).port();

        assertThatThrownBy(log::count).isInstanceOf(PermanentStorageException.class);
        assertThat(log.count()).isZero();
    }

    @Test
    void aLostAnswerWritesThenThrowsTransient() {
        QuestionLog log = Faults.of(QuestionLog.class, real).lostAnswerOn("record", 1).port();

        assertThatThrownBy(() -> log.record(question(1))).isInstanceOf(TransientStorageException.class);

        assertThat(real.count()).isEqualTo(1);
    }

    @Test
    void theRealImplementationsExceptionsPassThroughUnwrapped() {
        InMemoryLeadRepository leads = new InMemoryLeadRepository();
        var port = Faults.of(dev.forgebot.application.port.out.LeadRepository.class, leads).port();
        var lead = dev.forgebot.domain.lead.Lead.firstContact(LeadId.random(), new dev.forgebot.domain.lead.CustomerId(1),
                new dev.forgebot.domain.lead.ChatId(1), dev.forgebot.domain.lead.ContactFacts.none(), T0);

        assertThatThrownBy(() -> port.update(lead, java.util.Optional.empty())).isInstanceOf(PermanentStorageException.class);
    }

    @Test
    void planningAMethodThePortLacksIsRefused() {
        assertThatThrownBy(() -> Faults.of(QuestionLog.class, real).transientOn("recrod", 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
