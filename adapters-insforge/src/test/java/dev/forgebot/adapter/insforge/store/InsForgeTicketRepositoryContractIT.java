package dev.forgebot.adapter.insforge.store;

import dev.forgebot.application.contract.TicketRepositoryContract;
import dev.forgebot.application.port.out.TicketRepository;
import org.junit.jupiter.api.AfterEach;

class InsForgeTicketRepositoryContractIT extends TicketRepositoryContract {

    private final FakeServers servers = new FakeServers();

    @Override
    protected TicketRepository newStore() {
        return new InsForgeTicketRepository(servers.fresh());
    }

    @AfterEach
    void stop() {
        servers.close();
    }
}
