package dev.forgebot.adapter.insforge.store;

import dev.forgebot.application.contract.QuestionLogContract;
import dev.forgebot.application.port.out.QuestionLog;
import dev.forgebot.domain.lead.LeadId;
import org.junit.jupiter.api.AfterEach;

class InsForgeQuestionLogContractIT extends QuestionLogContract {

    private final FakeServers servers = new FakeServers();

    @Override
    protected QuestionLog newStore() {
        return new InsForgeQuestionLog(servers.fresh());
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
