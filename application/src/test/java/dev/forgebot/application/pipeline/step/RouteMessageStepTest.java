package dev.forgebot.application.pipeline.step;

import static dev.forgebot.application.pipeline.step.Fixtures.CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.forgebot.application.BotTexts;
import dev.forgebot.application.pipeline.PipelineContext;
import dev.forgebot.application.pipeline.PipelineContext.Route;
import dev.forgebot.application.port.out.OutboundMessage;
import dev.forgebot.application.port.out.OutboundMessage.ReplyKeyboard;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RouteMessageStepTest {

    private static Route route(String text, boolean handedOff) {
        return RouteMessageStep.routeOf(Fixtures.text(text), handedOff);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/start", "/help", "/stats", "/approve 3", "/reload", "/foo", "/start@forge_bot"})
    void anyCommandButHumanIsACommandEvenFromAHandedOffLead(String text) {
        assertThat(route(text, false)).isEqualTo(Route.COMMAND);
        assertThat(route(text, true)).isEqualTo(Route.COMMAND);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/human", "/human@forge_bot", "Can I talk to a human?", "I want to speak with a real person", "talk to someone please",
        "Could you connect me with an agent", "speak to sales", "human please", "Operator!", "I need an operator",
        "let me chat with your support team", "is there a live agent?", "I'd like to talk to a person", "HUMAN",
        "I’d like to speak to someone"})
    void askingForAPersonIsAHandoff(String text) {
        assertThat(route(text, false)).isEqualTo(Route.HANDOFF);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "How do I add another person to my account?", "Does the chat widget support agents?", "What is a human-readable id?",
        "Can my team talk to each other in the app?", "how much is the pro plan", "people say it's great"})
    void ordinaryQuestionsAreQuestions(String text) {
        assertThat(route(text, false)).isEqualTo(Route.QUESTION);
    }

    @Test
    void aHandedOffLeadsTextGoesToTheOperators() {
        assertThat(route("any news on my refund?", true)).isEqualTo(Route.TO_OPERATORS);
    }

    @Test
    void aHandoffRequestIsAHandoffAgainWhenTheLeadIsAlreadyHandedOff() {
        // so that a re-run after the first run handed the lead off takes the same route
        assertThat(route("/human", true)).isEqualTo(Route.HANDOFF);
        assertThat(route("can I talk to a human", true)).isEqualTo(Route.HANDOFF);
    }

    @Test
    void contactsAndFilesHaveTheirOwnRoutes() {
        assertThat(RouteMessageStep.routeOf(Fixtures.withContact("+447700900123", Optional.of(CUSTOMER)), false))
                .isEqualTo(Route.CONTACT);
        assertThat(RouteMessageStep.routeOf(Fixtures.withFile(10), true)).isEqualTo(Route.FILE);
    }

    @Test
    void theStepPutsTheRouteInTheContext() {
        PipelineContext context = Fixtures.context(Fixtures.text("/human"), Route.UNROUTED);

        new RouteMessageStep().apply(context);

        assertThat(context.route()).isEqualTo(Route.HANDOFF);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"/start|greeting", "/help|help", "/stats|unknown", "/whatever now|unknown"})
    void answersCustomerCommands(String command, String expected) {
        BotTexts texts = BotTexts.english();
        PipelineContext context = Fixtures.context(Fixtures.text(command), Route.COMMAND);

        new AnswerCommandStep(texts).apply(context);

        OutboundMessage reply = context.reply().orElseThrow();
        String text = switch (expected) {
            case "greeting" -> texts.greeting();
            case "help" -> texts.help();
            default -> texts.unknownCommand();
        };
        assertThat(reply.text()).isEqualTo(text);
        assertThat(reply.chatId()).isEqualTo(Fixtures.CHAT);
        assertThat(reply.keyboard()).isEqualTo(expected.equals("greeting") ? ReplyKeyboard.REQUEST_CONTACT : ReplyKeyboard.NONE);
    }

    @Test
    void theCommandStepLeavesOtherRoutesAlone() {
        PipelineContext context = Fixtures.context(Fixtures.text("hello"), Route.QUESTION);

        new AnswerCommandStep(BotTexts.english()).apply(context);

        assertThat(context.reply()).isEmpty();
    }
}
