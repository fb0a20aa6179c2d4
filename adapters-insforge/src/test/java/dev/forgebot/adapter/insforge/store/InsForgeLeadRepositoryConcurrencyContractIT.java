package dev.forgebot.adapter.insforge.store;

import dev.forgebot.application.contract.LeadRepositoryConcurrencyContract;
import dev.forgebot.application.port.out.LeadRepository;
import org.junit.jupiter.api.AfterEach;

class InsForgeLeadRepositoryConcurrencyContractIT extends LeadRepositoryConcurrencyContract {

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
