package dev.forgebot.adapter.insforge.store;

import dev.forgebot.application.contract.UpdateInboxContract;
import dev.forgebot.application.port.out.UpdateInbox;
import org.junit.jupiter.api.AfterEach;

/** The inbox contract against the InsForge store on a stateful records fake; reopening is a new client. */
class InsForgeUpdateInboxContractIT extends UpdateInboxContract {

    private final FakeServers servers = new FakeServers();

    @Override
    protected UpdateInbox newStore() {
        return new InsForgeUpdateInbox(servers.fresh());
    }

    @Override
    protected UpdateInbox reopen(UpdateInbox store) {
        return new InsForgeUpdateInbox(servers.anotherClient());
    }

    @AfterEach
    void stop() {
        servers.close();
    }
}
