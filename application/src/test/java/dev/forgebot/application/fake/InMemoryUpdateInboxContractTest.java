package dev.forgebot.application.fake;

import dev.forgebot.application.contract.UpdateInboxContract;
import dev.forgebot.application.port.out.UpdateInbox;

class InMemoryUpdateInboxContractTest extends UpdateInboxContract {

    @Override
    protected UpdateInbox newStore() {
        return new InMemoryUpdateInbox();
    }
}
