package dev.forgebot.domain.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.forgebot.domain.lead.ChatId;
import dev.forgebot.domain.lead.LeadId;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConversationTest {

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    @Test
    void inboundKeysAcceptChannelIdsAndRejectGarbage() {
        assertThat(new InboundKey("telegram", "123456789")).hasToString("telegram:123456789");
        assertThatIllegalArgumentException().isThrownBy(() -> new InboundKey("Telegram", "1")).withMessageContaining("source");
        assertThatIllegalArgumentException().isThrownBy(() -> new InboundKey("telegram", "")).withMessageContaining("externalId");
        assertThatIllegalArgumentException().isThrownBy(() -> new InboundKey("telegram", "a b"));
        assertThatIllegalArgumentException().isThrownBy(() -> new InboundKey("telegram", "x".repeat(129)));
    }

    @Test
    void messagesKeepEmptyTextButRejectOversizedText() {
        Message empty = new Message(MessageId.random(), LeadId.random(), Direction.INBOUND, "",
                new InboundKey("telegram", "1"), T0);

        assertThat(empty.text()).isEmpty();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Message(MessageId.random(), LeadId.random(), Direction.INBOUND,
                        "x".repeat(Message.MAX_TEXT_LENGTH + 1), new InboundKey("telegram", "1"), T0))
                .withMessageContaining("limit");
    }

    @Test
    void messageToStringLeavesTheCustomersTextOut() {
        Message message = new Message(MessageId.random(), LeadId.random(), Direction.INBOUND, "my card is 4111",
                new InboundKey("terminal", "7"), T0);

        assertThat(message.toString()).doesNotContain("4111").contains("length=15");
    }

    @Test
    void ticketOpensPostsAndClosesOnce() {
        Ticket ticket = Ticket.open(TicketId.random(), LeadId.random(), new ChatId(5), "talk to a human", T0);

        Ticket posted = ticket.postedAs("-100200:77");
        Ticket closed = posted.close(T0.plusSeconds(600));

        assertThat(ticket.isOpen()).isTrue();
        assertThat(posted.operatorMessageRef()).contains("-100200:77");
        assertThat(closed.isOpen()).isFalse();
        assertThat(closed.closedAt()).contains(T0.plusSeconds(600));
        assertThat(closed.close(T0.plusSeconds(900))).isSameAs(closed);
    }

    @Test
    void ticketRejectsInconsistentState() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Ticket(TicketId.random(), LeadId.random(), new ChatId(1), "", TicketStatus.CLOSED,
                        T0, Optional.empty(), Optional.empty()))
                .withMessageContaining("close time");
        Ticket open = Ticket.open(TicketId.random(), LeadId.random(), new ChatId(1), "", T0);
        assertThatIllegalArgumentException().isThrownBy(() -> open.close(T0.minusSeconds(1)));
        assertThatIllegalArgumentException().isThrownBy(() -> open.postedAs(" "));
    }
}
