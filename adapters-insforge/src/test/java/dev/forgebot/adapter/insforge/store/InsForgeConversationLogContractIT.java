package dev.forgebot.adapter.insforge.store;

import dev.forgebot.application.contract.ConversationLogContract;
import dev.forgebot.application.port.out.ConversationLog;
import dev.forgebot.domain.lead.LeadId;
import org.junit.jupiter.api.AfterEach;

class InsForgeConversationLogContractIT extends ConversationLogContract {

    private final FakeServers servers = new FakeServers();

    @Override
    protected ConversationLog newStore() {
        return new InsForgeConversationLog(servers.fresh());
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
