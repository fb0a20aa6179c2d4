package dev.forgebot.adapter.insforge.store;

import dev.forgebot.application.contract.LeadRepositoryContract;
import dev.forgebot.application.port.out.LeadRepository;
import org.junit.jupiter.api.AfterEach;

class InsForgeLeadRepositoryContractIT extends LeadRepositoryContract {

    private final FakeServers servers = new FakeServers();

    @Override
    protected LeadRepository newStore() {
        return new InsForgeLeadRepository(servers.fresh());
    }

    @AfterEach
    void stop() {
        servers.close();
    }
}
