package dev.forgebot.adapter.insforge.store;

import dev.forgebot.application.contract.TicketRepositoryContract;
import dev.forgebot.application.port.out.TicketRepository;
import dev.forgebot.domain.lead.LeadId;
import org.junit.jupiter.api.AfterEach;

class InsForgeTicketRepositoryContractIT extends TicketRepositoryContract {

    private final FakeServers servers = new FakeServers();

    @Override
    protected TicketRepository newStore() {
        return new InsForgeTicketRepository(servers.fresh());
    }

    /** The tables reference leads (a foreign key the fake enforces): store one with this id. */
    @Override
    protected void givenLead(LeadId leadId) {
        StoredLeads.store(servers, leadId);
    }

    @AfterEach
    void stop() {
        servers.close();
    }
}
