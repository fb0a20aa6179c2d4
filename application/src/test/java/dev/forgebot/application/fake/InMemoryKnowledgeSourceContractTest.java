package dev.forgebot.application.fake;

import dev.forgebot.application.contract.KnowledgeSourceContract;
import dev.forgebot.application.port.out.KnowledgeSource;

class InMemoryKnowledgeSourceContractTest extends KnowledgeSourceContract {

    @Override
    protected KnowledgeSource newStore() {
        return new InMemoryKnowledgeSource();
    }
}
