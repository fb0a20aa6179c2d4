package dev.forgebot.adapter.local.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgebot.application.port.out.OutboundMessage;
import dev.forgebot.domain.lead.ChatId;
import org.junit.jupiter.api.Test;

class TerminalMessengerTest {

    private static final ChatId CHAT = new ChatId(1);

    @Test
    void plainTextIsShownAsItIs() {
        OutboundMessage message = OutboundMessage.text(CHAT, "<b>not a tag</b> &amp; more");

        assertThat(TerminalMessenger.shown(message)).isEqualTo("<b>not a tag</b> &amp; more");
    }

    @Test
    void htmlIsShownWithoutTagsAndWithEntitiesDecoded() {
        OutboundMessage message = new OutboundMessage(CHAT,
                "<b>Price</b> &lt; 5 &amp; &quot;fast&quot; &#128512; &#x41; <a href=\"https://x.test\">link</a> &nbsp;",
                OutboundMessage.ReplyKeyboard.NONE, OutboundMessage.Format.HTML);

        assertThat(TerminalMessenger.shown(message)).isEqualTo("Price < 5 & \"fast\" 😀 A link &nbsp;");
    }
}
