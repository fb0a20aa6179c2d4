package dev.forgebot.application.fake;

import dev.forgebot.application.contract.UpdateInboxConcurrencyContract;
import dev.forgebot.application.port.out.UpdateInbox;

class InMemoryUpdateInboxConcurrencyIT extends UpdateInboxConcurrencyContract {

    @Override
    protected UpdateInbox newStore() {
        return new InMemoryUpdateInbox();
    }
}
