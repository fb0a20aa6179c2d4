package dev.forgebot.application.fake;

import dev.forgebot.application.contract.MessengerContract;
import dev.forgebot.application.port.out.Messenger;
import dev.forgebot.application.port.out.OutboundMessage;
import dev.forgebot.application.port.out.SendResult;
import dev.forgebot.domain.lead.ChatId;
import java.util.List;

class RecordingMessengerContractTest extends MessengerContract {

    private RecordingMessenger messenger;

    @Override
    protected Messenger newMessenger() {
        messenger = new RecordingMessenger();
        return messenger;
    }

    @Override
    protected List<String> textsReceivedBy(ChatId chat) {
        return messenger.sentTo(chat).stream().map(OutboundMessage::text).toList();
    }

    @Override
    protected void scriptBlocked(ChatId chat) {
        messenger.answer(chat, new SendResult.Blocked());
    }

    @Override
    protected void scriptGone(ChatId chat) {
        messenger.answer(chat, new SendResult.ChatGone());
    }
}
