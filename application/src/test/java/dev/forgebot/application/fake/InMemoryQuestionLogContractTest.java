package dev.forgebot.application.fake;

import dev.forgebot.application.contract.QuestionLogContract;
import dev.forgebot.application.port.out.QuestionLog;

class InMemoryQuestionLogContractTest extends QuestionLogContract {

    @Override
    protected QuestionLog newStore() {
        return new InMemoryQuestionLog();
    }
}
