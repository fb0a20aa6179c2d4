package dev.forgebot.adapter.telegram;

import static dev.forgebot.adapter.telegram.TestUpdates.json;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.forgebot.adapter.telegram.api.ReceivedUpdate;
import dev.forgebot.application.fake.MutableClock;
import dev.forgebot.application.port.in.InboundEvent;
import dev.forgebot.application.port.in.InboundEvent.ChatMessage;
import dev.forgebot.application.port.in.InboundEvent.FileRef;
import dev.forgebot.application.port.in.InboundEvent.ReachabilityChanged;
import dev.forgebot.application.port.in.InboundEvent.Sender;
import dev.forgebot.application.port.in.InboundEvent.SharedContact;
import dev.forgebot.application.port.in.InboundEvent.Unsupported;
import dev.forgebot.domain.conversation.InboundKey;
import dev.forgebot.domain.lead.ChatId;
import dev.forgebot.domain.lead.CustomerId;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TelegramUpdateMapperTest {

    private static final Instant SENT = Instant.ofEpochSecond(TestUpdates.DATE);
    private static final String ANA = """
            {"id": 42, "is_bot": false, "first_name": "Ana", "last_name": "Lima", "username": "ana"}""";
    private static final String ANA_CHAT = """
            {"id": 42, "type": "private", "first_name": "Ana"}""";

    private final MutableClock clock = MutableClock.atDefaultStart();
    private final ChatMigrations migrations = new ChatMigrations();
    private final TelegramUpdateMapper mapper = new TelegramUpdateMapper(migrations, clock);

    private static String message(String fields) {
        return "{\"update_id\": 1001, \"message\": {\"message_id\": 7, \"date\": " + TestUpdates.DATE + ", "
                + fields + "}}";
    }

    private ChatMessage chatMessage(String update) {
        InboundEvent event = mapper.map(json(update));
        assertThat(event).isInstanceOf(ChatMessage.class);
        return (ChatMessage) event;
    }

    private Unsupported unsupported(String update) {
        InboundEvent event = mapper.map(json(update));
        assertThat(event).isInstanceOf(Unsupported.class);
        return (Unsupported) event;
    }

    // ---- messages -------------------------------------------------------------------------------

    @Test
    void mapsATextMessageToAChatMessageUnderTheUpdatesKey() {
        ChatMessage message = chatMessage(message("\"from\": " + ANA + ", \"chat\": " + ANA_CHAT
                + ", \"text\": \"How much is the Pro plan?\""));

        assertThat(message.key()).isEqualTo(new InboundKey("telegram", "1001"));
        assertThat(message.chatId()).isEqualTo(new ChatId(42));
        assertThat(message.sender()).isEqualTo(new Sender(new CustomerId(42), "Ana Lima"));
        assertThat(message.text()).isEqualTo("How much is the Pro plan?");
        assertThat(message.occurredAt()).isEqualTo(SENT);
        assertThat(message.replyToMessageRef()).isEmpty();
        assertThat(message.contact()).isEmpty();
        assertThat(message.file()).isEmpty();
    }

    @Test
    void keepsTheNegativeChatIdOfAGroup() {
        ChatMessage message = chatMessage(message("\"from\": " + ANA
                + ", \"chat\": {\"id\": -1001234567890, \"type\": \"supergroup\", \"title\": \"Ops\"}, \"text\": \"/stats\""));

        assertThat(message.chatId()).isEqualTo(new ChatId(-1_001_234_567_890L));
        assertThat(message.sender().id()).isEqualTo(new CustomerId(42));
    }

    @Test
    void mapsAReplyToTheRepliedMessagesReferenceOnTheWire() {
        ChatMessage message = chatMessage(message("\"from\": " + ANA
                + ", \"chat\": {\"id\": -100, \"type\": \"group\"}, \"text\": \"30 EUR\", \"reply_to_message\": "
                + "{\"message_id\": 555, \"date\": 1, \"chat\": {\"id\": -100, \"type\": \"group\"}, \"text\": \"summary\"}"));

        assertThat(message.replyToMessageRef()).contains("-100:555");
    }

    @Test
    void mapsADocumentWithItsCaptionNameTypeAndSize() {
        ChatMessage message = chatMessage(message("\"from\": " + ANA + ", \"chat\": " + ANA_CHAT
                + ", \"caption\": \"my invoice\", \"document\": {\"file_id\": \"BQAD-doc\", \"file_unique_id\": \"u1\","
                + " \"file_name\": \"invoice.pdf\", \"mime_type\": \"application/pdf\", \"file_size\": 12345}"));

        assertThat(message.text()).isEqualTo("my invoice");
        assertThat(message.file()).contains(new FileRef("BQAD-doc", "invoice.pdf", "application/pdf", 12_345));
    }

    @Test
    void givesADocumentWithoutNameTypeOrSizeNeutralDefaults() {
        ChatMessage message = chatMessage(message("\"from\": " + ANA + ", \"chat\": " + ANA_CHAT
                + ", \"document\": {\"file_id\": \"BQAD-doc\", \"file_unique_id\": \"u1\"}"));

        assertThat(message.text()).isEmpty();
        assertThat(message.file()).contains(new FileRef("BQAD-doc", "document", "application/octet-stream", -1));
    }

    @Test
    void takesTheLargestSizeOfAPhotoWhateverTheOrder() {
        ChatMessage message = chatMessage(message("\"from\": " + ANA + ", \"chat\": " + ANA_CHAT + ", \"photo\": ["
                + "{\"file_id\": \"mid\", \"file_unique_id\": \"m\", \"width\": 320, \"height\": 240, \"file_size\": 20000},"
                + "{\"file_id\": \"big\", \"file_unique_id\": \"AQADbig\", \"width\": 1280, \"height\": 960, \"file_size\": 150000},"
                + "{\"file_id\": \"thumb\", \"file_unique_id\": \"t\", \"width\": 90, \"height\": 67}]"));

        assertThat(message.file()).contains(new FileRef("big", "photo-AQADbig.jpg", "image/jpeg", 150_000));
    }

    @Test
    void mapsTheSendersOwnContactCardWithTheSenderAsOwner() {
        ChatMessage message = chatMessage(message("\"from\": " + ANA + ", \"chat\": " + ANA_CHAT
                + ", \"contact\": {\"phone_number\": \"+351912345678\", \"first_name\": \"Ana\", \"user_id\": 42}"));

        assertThat(message.contact())
                .contains(new SharedContact("+351912345678", "Ana", Optional.of(new CustomerId(42))));
    }

    @Test
    void keepsTheOtherOwnerOfSomeoneElsesContactCardSoTheApplicationCanRefuseIt() {
        ChatMessage message = chatMessage(message("\"from\": " + ANA + ", \"chat\": " + ANA_CHAT
                + ", \"contact\": {\"phone_number\": \"+441234567890\", \"first_name\": \"Bob\", \"user_id\": 77}"));

        assertThat(message.contact())
                .contains(new SharedContact("+441234567890", "Bob", Optional.of(new CustomerId(77))));
        assertThat(message.contact().orElseThrow().owner()).isNotEqualTo(Optional.of(message.sender().id()));
    }

    @Test
    void leavesTheOwnerOfAContactCardWithoutUserIdUnknown() {
        ChatMessage message = chatMessage(message("\"from\": " + ANA + ", \"chat\": " + ANA_CHAT
                + ", \"contact\": {\"phone_number\": \"0123 456\", \"first_name\": \"Mum\"}"));

        assertThat(message.contact()).contains(new SharedContact("0123 456", "Mum", Optional.empty()));
    }

    @Test
    void cutsTextOverTheLimitWithoutSplittingASurrogatePair() {
        String text = "a".repeat(ChatMessage.MAX_TEXT_LENGTH - 1) + "\uD83D\uDE00" + "tail";

        ChatMessage message = chatMessage(message("\"from\": " + ANA + ", \"chat\": " + ANA_CHAT + ", \"text\": \""
                + text + "\""));

        assertThat(message.text()).hasSize(ChatMessage.MAX_TEXT_LENGTH - 1).isEqualTo("a".repeat(ChatMessage.MAX_TEXT_LENGTH - 1));
    }

    @Test
    void cutsPlainTextOverTheLimitAtTheLimit() {
        String text = "b".repeat(ChatMessage.MAX_TEXT_LENGTH + 10);

        ChatMessage message = chatMessage(message("\"from\": " + ANA + ", \"chat\": " + ANA_CHAT + ", \"text\": \""
                + text + "\""));

        assertThat(message.text()).hasSize(ChatMessage.MAX_TEXT_LENGTH);
    }

    @Test
    void reportsAChannelPostWithoutSenderAsUnsupported() {
        Unsupported post = unsupported(message("\"chat\": {\"id\": -1009, \"type\": \"channel\"}, \"text\": \"news\""));

        assertThat(post.kind()).isEqualTo("channel-post");
        assertThat(post.chatId()).isEqualTo(new ChatId(-1009));
        assertThat(post.key()).isEqualTo(new InboundKey("telegram", "1001"));
    }

    @Test
    void ignoresAnEditedMessageBecauseTheOriginalWasAnsweredAlready() {
        Unsupported edit = unsupported("{\"update_id\": 1002, \"edited_message\": {\"message_id\": 7, \"date\": "
                + TestUpdates.DATE + ", \"edit_date\": 1793523700, \"from\": " + ANA + ", \"chat\": " + ANA_CHAT
                + ", \"text\": \"How much is the Pro plan??\"}}");

        assertThat(edit.kind()).isEqualTo("edited-message");
        assertThat(edit.chatId()).isEqualTo(new ChatId(42));
        assertThat(edit.occurredAt()).isEqualTo(SENT);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -5})
    void storesAMessageFromAUserIdTheDomainRefusesAsUnsupported(long userId) {
        Unsupported odd = unsupported(message("\"from\": {\"id\": " + userId + ", \"is_bot\": false, \"first_name\": \"X\"},"
                + " \"chat\": " + ANA_CHAT + ", \"text\": \"hi\""));

        assertThat(odd.kind()).isEqualTo("invalid");
        assertThat(odd.key()).isEqualTo(new InboundKey("telegram", "1001"));
    }

    // ---- migrations -----------------------------------------------------------------------------

    @Test
    void learnsAMigrationFromTheOldGroupsServiceMessageAndReportsTheSupergroupUnderTheOldId() {
        Unsupported service = unsupported(message("\"from\": " + ANA
                + ", \"chat\": {\"id\": -100, \"type\": \"group\"}, \"migrate_to_chat_id\": -1001000000001"));
        ChatMessage later = chatMessage("{\"update_id\": 1003, \"message\": {\"message_id\": 1, \"date\": "
                + TestUpdates.DATE + ", \"from\": " + ANA + ", \"chat\": {\"id\": -1001000000001, \"type\": \"supergroup\"},"
                + " \"text\": \"/stats\", \"reply_to_message\": {\"message_id\": 9, \"date\": 1, \"chat\": "
                + "{\"id\": -1001000000001, \"type\": \"supergroup\"}}}}");

        assertThat(service.kind()).isEqualTo("group-migrated");
        assertThat(service.chatId()).isEqualTo(new ChatId(-100));
        assertThat(migrations.current(-100)).isEqualTo(-1_001_000_000_001L);
        assertThat(later.chatId()).isEqualTo(new ChatId(-100));
        assertThat(later.replyToMessageRef()).as("references stay on the wire's chat id").contains("-1001000000001:9");
    }

    @Test
    void learnsAMigrationFromTheSupergroupsServiceMessage() {
        Unsupported service = unsupported(message("\"from\": " + ANA
                + ", \"chat\": {\"id\": -1001000000002, \"type\": \"supergroup\"}, \"migrate_from_chat_id\": -200"));
        ChatMessage later = chatMessage(message("\"from\": " + ANA
                + ", \"chat\": {\"id\": -1001000000002, \"type\": \"supergroup\"}, \"text\": \"hello\""));

        assertThat(service.kind()).isEqualTo("group-migrated");
        assertThat(service.chatId()).isEqualTo(new ChatId(-200));
        assertThat(migrations.current(-200)).isEqualTo(-1_001_000_000_002L);
        assertThat(later.chatId()).isEqualTo(new ChatId(-200));
    }

    // ---- button presses -------------------------------------------------------------------------

    @Test
    void mapsAButtonPressToAMessageWithTheButtonsDataInTheButtonsChat() {
        ReceivedUpdate press = json("{\"update_id\": 1004, \"callback_query\": {\"id\": \"cbq-1\", \"from\": " + ANA
                + ", \"chat_instance\": \"x\", \"data\": \"/human\", \"message\": {\"message_id\": 50, \"date\": 1,"
                + " \"chat\": " + ANA_CHAT + ", \"text\": \"Need a human?\"}}}");

        InboundEvent event = mapper.map(press);

        assertThat(event).isEqualTo(ChatMessage.text(new InboundKey("telegram", "1004"), new ChatId(42),
                new Sender(new CustomerId(42), "Ana Lima"), "/human", clock.instant()));
        assertThat(mapper.callbackQueryId(press)).contains("cbq-1");
    }

    @Test
    void putsAButtonPressWithoutItsMessageInThePressersPrivateChat() {
        ChatMessage message = chatMessage("{\"update_id\": 1005, \"callback_query\": {\"id\": \"cbq-2\", \"from\": " + ANA
                + ", \"chat_instance\": \"x\", \"inline_message_id\": \"im\", \"data\": \"yes\"}}");

        assertThat(message.chatId()).isEqualTo(new ChatId(42));
        assertThat(message.text()).isEqualTo("yes");
    }

    @Test
    void reportsAButtonPressWithoutDataAsUnsupportedButStillNamesItsQuery() {
        ReceivedUpdate press = json("{\"update_id\": 1006, \"callback_query\": {\"id\": \"cbq-3\", \"from\": " + ANA
                + ", \"chat_instance\": \"x\", \"game_short_name\": \"g\"}}");

        InboundEvent event = mapper.map(press);

        assertThat(event).isInstanceOf(Unsupported.class);
        assertThat(((Unsupported) event).kind()).isEqualTo("callback-query");
        assertThat(mapper.callbackQueryId(press)).contains("cbq-3");
    }

    @Test
    void namesNoCallbackQueryForOtherUpdates() {
        assertThat(mapper.callbackQueryId(TestUpdates.text(1, 42, "hi"))).isEmpty();
        assertThat(mapper.callbackQueryId(new ReceivedUpdate.Malformed(2, "MismatchedInputException"))).isEmpty();
    }

    // ---- membership -----------------------------------------------------------------------------

    private static String membership(String chat, String newStatus) {
        return "{\"update_id\": 1007, \"my_chat_member\": {\"chat\": " + chat + ", \"from\": " + ANA + ", \"date\": "
                + TestUpdates.DATE + ", \"old_chat_member\": {\"status\": \"member\", \"user\": {\"id\": 1, \"is_bot\": true,"
                + " \"first_name\": \"bot\"}}, \"new_chat_member\": {\"status\": \"" + newStatus + "\", \"user\": "
                + "{\"id\": 1, \"is_bot\": true, \"first_name\": \"bot\"}}}}";
    }

    @Test
    void mapsBlockingTheBotInAPrivateChatToBlocked() {
        InboundEvent event = mapper.map(json(membership(ANA_CHAT, "kicked")));

        assertThat(event).isEqualTo(new ReachabilityChanged(new InboundKey("telegram", "1007"), new ChatId(42),
                new CustomerId(42), true, SENT));
    }

    @Test
    void mapsUnblockingTheBotInAPrivateChatToUnblocked() {
        InboundEvent event = mapper.map(json(membership(ANA_CHAT, "member")));

        assertThat(event).isEqualTo(new ReachabilityChanged(new InboundKey("telegram", "1007"), new ChatId(42),
                new CustomerId(42), false, SENT));
    }

    @Test
    void reportsTheBotsMembershipChangesInAGroupAsUnsupported() {
        Unsupported kicked = unsupported(membership("{\"id\": -300, \"type\": \"group\", \"title\": \"t\"}", "kicked"));

        assertThat(kicked.kind()).isEqualTo("my-chat-member");
        assertThat(kicked.chatId()).isEqualTo(new ChatId(-300));
    }

    @Test
    void reportsOtherMembershipStatusesInAPrivateChatAsUnsupported() {
        assertThat(unsupported(membership(ANA_CHAT, "left")).kind()).isEqualTo("my-chat-member");
    }

    // ---- the rest -------------------------------------------------------------------------------

    @Test
    void storesAMalformedUpdateAsUnsupportedWithoutAChatAndLogsItsIdAndProblemOnly() {
        try (LogLines logs = LogLines.of(TelegramUpdateMapper.class)) {
            InboundEvent event = mapper.map(new ReceivedUpdate.Malformed(1008, "MismatchedInputException"));

            assertThat(event).isEqualTo(new Unsupported(new InboundKey("telegram", "1008"), new ChatId(0), "malformed",
                    clock.instant()));
            assertThat(logs.at(Level.DEBUG)).singleElement().asString()
                    .contains("update=1008", "problem=MismatchedInputException");
        }
    }

    @Test
    void readsAPayloadOfTheWrongShapeAsMalformed() {
        ReceivedUpdate broken = json("{\"update_id\": 1009, \"message\": {\"message_id\": \"not a number\", \"chat\": 5}}");

        assertThat(broken).isInstanceOf(ReceivedUpdate.Malformed.class);
        assertThat(mapper.map(broken)).isInstanceOf(Unsupported.class)
                .extracting(e -> ((Unsupported) e).kind()).isEqualTo("malformed");
    }

    @Test
    void storesAnUpdateOfAnUnreadPayloadTypeAsOtherAndLogsItAtDebug() {
        try (LogLines logs = LogLines.of(TelegramUpdateMapper.class)) {
            InboundEvent event = mapper.map(json("{\"update_id\": 1010, \"message_reaction\": {\"chat\": " + ANA_CHAT
                    + ", \"message_id\": 7, \"date\": 1, \"old_reaction\": [], \"new_reaction\": []}}"));

            assertThat(event).isEqualTo(new Unsupported(new InboundKey("telegram", "1010"), new ChatId(0), "other",
                    clock.instant()));
            assertThat(logs.at(Level.DEBUG)).singleElement().asString().contains("update=1010");
        }
    }

    @Test
    void neverLogsTheTextOfAMessageItCouldNotMap() {
        try (LogLines logs = LogLines.of(TelegramUpdateMapper.class)) {
            mapper.map(json(message("\"from\": {\"id\": 0, \"is_bot\": false, \"first_name\": \"X\"}, \"chat\": "
                    + ANA_CHAT + ", \"text\": \"my secret plan\"")));

            assertThat(logs.all()).isNotEmpty().noneMatch(line -> line.contains("secret plan"));
        }
    }
}
