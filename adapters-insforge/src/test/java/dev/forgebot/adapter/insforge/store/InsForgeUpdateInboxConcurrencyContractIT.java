package dev.forgebot.adapter.insforge.store;

import dev.forgebot.application.contract.UpdateInboxConcurrencyContract;
import dev.forgebot.application.port.out.UpdateInbox;
import org.junit.jupiter.api.AfterEach;

class InsForgeUpdateInboxConcurrencyContractIT extends UpdateInboxConcurrencyContract {

    private final FakeServers servers = new FakeServers();

    @Override
    protected UpdateInbox newStore() {
        return new InsForgeUpdateInbox(servers.fresh());
    }

    @AfterEach
    void stop() {
        servers.close();
    }
}
