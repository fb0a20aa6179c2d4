package dev.forgebot.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgebot.application.port.out.Messenger;
import dev.forgebot.application.port.out.OutboundMessage;
import dev.forgebot.application.port.out.SendResult;
import dev.forgebot.domain.lead.ChatId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link Messenger} contract as seen from the channel: a send returns {@link SendResult.Sent}
 * with a non-blank reference, distinct for distinct messages; the text reaches the chat intact;
 * a 10,000-character text reaches it complete, possibly split into several parts (in order; white
 * space at a split may be dropped); a chat that blocked the bot answers {@link SendResult.Blocked}
 * and one that is gone answers {@link SendResult.ChatGone}, as return values, without affecting
 * other chats.
 *
 * <p>An adapter uses it by subclassing it as {@code <Technology>MessengerContractTest}:
 * {@link #newMessenger()} returns a messenger talking to a fresh fake channel (for Telegram, a fake
 * Bot API; with flood limits off or a sleeper that does not wait, since the suite is thread- and
 * sleep-free), {@link #textsReceivedBy(ChatId)} reads what that channel accepted for a chat, one
 * entry per message part, and {@link #scriptBlocked(ChatId)} / {@link #scriptGone(ChatId)} make the
 * channel answer as it does for a chat that blocked the bot (Telegram: 403 "bot was blocked by the
 * user") or no longer exists (Telegram: 400 "chat not found"). Scripts are set after
 * {@code newMessenger()}.
 */
public abstract class MessengerContract {

    protected static final ChatId CUSTOMER = new ChatId(1001);
    protected static final ChatId OTHER_CUSTOMER = new ChatId(1002);
    protected static final ChatId OPERATORS = new ChatId(-1001234567890L);

    private Messenger messenger;

    /** A messenger on a fresh fake channel; called once per test. */
    protected abstract Messenger newMessenger();

    /** The texts the channel accepted for {@code chat}, in order, one per message part. */
    protected abstract List<String> textsReceivedBy(ChatId chat);

    /** From now on the channel answers sends to {@code chat} as for a customer who blocked the bot. */
    protected abstract void scriptBlocked(ChatId chat);

    /** From now on the channel answers sends to {@code chat} as for a chat that no longer exists. */
    protected abstract void scriptGone(ChatId chat);

    @BeforeEach
    void createMessenger() {
        messenger = newMessenger();
    }

    private static String ref(SendResult result) {
        assertThat(result).isInstanceOf(SendResult.Sent.class);
        return ((SendResult.Sent) result).messageRef();
    }

    private static String withoutWhiteSpace(String text) {
        return text.replaceAll("\\s", "");
    }

    @Test
    void sendReturnsSentWithANonBlankReference() {
        SendResult result = messenger.send(OutboundMessage.text(CUSTOMER, "Hello!"));

        assertThat(ref(result)).isNotBlank();
        assertThat(textsReceivedBy(CUSTOMER)).containsExactly("Hello!");
    }

    @Test
    void distinctMessagesGetDistinctReferences() {
        String first = ref(messenger.send(OutboundMessage.text(CUSTOMER, "one")));
        String second = ref(messenger.send(OutboundMessage.text(CUSTOMER, "two")));
        String same = ref(messenger.send(OutboundMessage.text(CUSTOMER, "two")));
        String elsewhere = ref(messenger.send(OutboundMessage.text(OPERATORS, "one")));

        Set<String> refs = Stream.of(first, second, same, elsewhere).collect(Collectors.toSet());
        assertThat(refs).hasSize(4);
    }

    @Test
    void unicodeTextArrivesIntact() {
        messenger.send(OutboundMessage.text(CUSTOMER, SampleTexts.UNICODE));

        assertThat(textsReceivedBy(CUSTOMER)).containsExactly(SampleTexts.UNICODE);
    }

    @Test
    void aMessageToTheOperatorsGroupArrives() {
        SendResult result = messenger.send(new OutboundMessage(OPERATORS, "New ticket: 🧾", OutboundMessage.ReplyKeyboard.NONE));

        assertThat(ref(result)).isNotBlank();
        assertThat(textsReceivedBy(OPERATORS)).containsExactly("New ticket: 🧾");
        assertThat(textsReceivedBy(CUSTOMER)).isEmpty();
    }

    @Test
    void aMessageWithAContactKeyboardArrives() {
        SendResult result = messenger.send(
                new OutboundMessage(CUSTOMER, "Share your number?", OutboundMessage.ReplyKeyboard.REQUEST_CONTACT));

        assertThat(ref(result)).isNotBlank();
        assertThat(textsReceivedBy(CUSTOMER)).containsExactly("Share your number?");
    }

    @Test
    void aTenThousandCharacterTextArrivesCompleteInOrder() {
        String text = SampleTexts.ofLength(10_000);

        SendResult result = messenger.send(OutboundMessage.text(CUSTOMER, text));

        assertThat(ref(result)).isNotBlank();
        List<String> parts = textsReceivedBy(CUSTOMER);
        assertThat(parts).isNotEmpty().allSatisfy(part -> assertThat(part).isNotBlank());
        assertThat(withoutWhiteSpace(String.join("", parts))).isEqualTo(withoutWhiteSpace(text));
    }

    @Test
    void aChatThatBlockedTheBotAnswersBlockedAndReceivesNothing() {
        scriptBlocked(CUSTOMER);

        SendResult result = messenger.send(OutboundMessage.text(CUSTOMER, "Are you still there?"));

        assertThat(result).isEqualTo(new SendResult.Blocked());
        assertThat(textsReceivedBy(CUSTOMER)).isEmpty();
    }

    @Test
    void aChatThatIsGoneAnswersChatGoneAndReceivesNothing() {
        scriptGone(CUSTOMER);

        SendResult result = messenger.send(OutboundMessage.text(CUSTOMER, "Are you still there?"));

        assertThat(result).isEqualTo(new SendResult.ChatGone());
        assertThat(textsReceivedBy(CUSTOMER)).isEmpty();
    }

    @Test
    void aBlockedChatDoesNotStopSendsToOtherChats() {
        scriptBlocked(CUSTOMER);
        messenger.send(OutboundMessage.text(CUSTOMER, "Hello?"));

        SendResult result = messenger.send(OutboundMessage.text(OTHER_CUSTOMER, "Hello!"));

        assertThat(ref(result)).isNotBlank();
        assertThat(textsReceivedBy(OTHER_CUSTOMER)).containsExactly("Hello!");
    }
}
