package dev.forgebot.adapter.telegram.api;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.read.ListAppender;
import dev.forgebot.adapter.telegram.api.SendMessageRequest.Keyboard;
import dev.forgebot.adapter.telegram.fake.FakeBotApi;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The token never reaches a log line or an exception, even with every HttpClient logger (the headers and
 * wire loggers included) and forgebot's at DEBUG, on every method and every failure path. A second test
 * shows the same check finds the token when a stock HttpClient sends it, so the first can fail.
 */
class NoTokenInLogsIT {

    static final List<String> ALLOWED = List.of("message", "callback_query", "my_chat_member");
    static final List<String> DEBUG_LOGGERS = List.of("org.apache.hc", "org.apache.hc.client5.http.wire",
            "org.apache.hc.client5.http.headers", "dev.forgebot");
    /** Captured here and not passed on to the console: thousands of DEBUG lines would drown the build output. */
    static final List<String> KEPT_FROM_CONSOLE = List.of("org.apache.hc", "dev.forgebot");
    static final BotToken OTHER = BotToken.of("7770001111:AAOther-token_NotTheFakes-abcdefghij");
    static final long CHAT = 5150;

    LoggerContext context;
    ListAppender<ILoggingEvent> captured;
    final Map<String, Level> levelsBefore = new HashMap<>();

    @BeforeEach
    void captureEverything() {
        context = (LoggerContext) LoggerFactory.getILoggerFactory();
        for (String name : DEBUG_LOGGERS) {
            Logger logger = context.getLogger(name);
            levelsBefore.put(name, logger.getLevel());
            logger.setLevel(Level.DEBUG);
        }
        captured = new ListAppender<>();
        captured.setContext(context);
        captured.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(captured);
        for (String name : KEPT_FROM_CONSOLE) {
            context.getLogger(name).addAppender(captured);
            context.getLogger(name).setAdditive(false);
        }
    }

    @AfterEach
    void restore() {
        context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(captured);
        for (String name : KEPT_FROM_CONSOLE) {
            context.getLogger(name).detachAppender(captured);
            context.getLogger(name).setAdditive(true);
        }
        captured.stop();
        levelsBefore.forEach((name, level) -> context.getLogger(name).setLevel(level));
    }

    @Test
    void noLogLineAndNoExceptionCarriesTheTokenOnAnyMethodOrFailurePath() throws Exception {
        List<Throwable> thrown = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        BotToken token;
        try (FakeBotApi telegram = FakeBotApi.builder().longPollCap(Duration.ofMillis(200)).start();
             HttpTelegramApi api = new HttpTelegramApi(TelegramApiConfig.defaults(telegram.baseUrl(), telegram.token())
                     .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(400), Duration.ofSeconds(2)))) {
            token = telegram.token();
            String path = "/bot" + token.reveal() + "/sendMessage";
            texts.add(api.toString());
            texts.add(TelegramApiConfig.defaults(telegram.baseUrl(), token).toString());

            // every method, answered
            telegram.enqueueText(CHAT, CHAT, "hello");
            telegram.enqueueRaw("{\"message\":\"oops\"}");
            telegram.enqueueElementWithoutId("{\"message\":{}}");
            long cb = telegram.enqueueCallback(CHAT, CHAT, 1, "x");
            String filePath = telegram.addFile("f-1", "a.pdf", new byte[2048]);
            api.getMe();
            List<ReceivedUpdate> updates = api.getUpdates(OptionalLong.empty(), 100, Duration.ZERO, ALLOWED);
            api.getUpdates(OptionalLong.of(updates.getLast().updateId() + 1), 100, Duration.ofSeconds(1), ALLOWED);
            api.sendMessage(new SendMessageRequest(CHAT, "<b>hi</b>", true, Keyboard.REQUEST_CONTACT));
            api.sendMessage(new SendMessageRequest(CHAT, "ok", false, Keyboard.REMOVE));
            api.sendChatAction(CHAT, "typing");
            api.answerCallbackQuery("cb-" + cb, "done");
            api.downloadFile(api.getFile("f-1").filePath(), 4096);
            api.setWebhook(new WebhookRegistration(URI.create("https://bot.example.com/hook"), "wh_secret", ALLOWED, 10));
            api.getWebhookInfo();
            attempt(thrown, () -> api.getUpdates(OptionalLong.empty(), 100, Duration.ZERO, ALLOWED));
            api.deleteWebhook(false);

            // every refusal and every unreadable answer, some echoing the path with the token
            attempt(thrown, () -> api.sendMessage(new SendMessageRequest(CHAT, "<b>open", true, Keyboard.NONE)));
            attempt(thrown, () -> api.downloadFile(filePath, 10));
            attempt(thrown, () -> api.downloadFile("documents/none.pdf", 10));
            attempt(thrown, () -> api.getFile("nope"));
            attempt(thrown, () -> api.answerCallbackQuery("cb-unknown", null));
            telegram.scriptBlocked(CHAT);
            attempt(thrown, () -> api.sendMessage(plain("blocked")));
            telegram.clearScripts(CHAT);
            telegram.scriptTooManyRequests(CHAT, 1, 3);
            attempt(thrown, () -> api.sendChatAction(CHAT, "typing"));
            telegram.scriptMigrated(-77, -1_007_700_000_000L);
            attempt(thrown, () -> api.sendMessage(new SendMessageRequest(-77, "x", false, Keyboard.NONE)));
            telegram.failNext("sendMessage", 1, 502, "<html>502 Bad Gateway for " + path + "</html>", "text/html");
            attempt(thrown, () -> api.sendMessage(plain("x")));
            telegram.failNext("sendMessage", 1, 400, "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: "
                    + "no such path " + path + " (secret " + secretOf(token) + ")\"}", "application/json");
            attempt(thrown, () -> api.sendMessage(plain("x")));
            telegram.failNext("getMe", 1, 200, "{\"ok\":true,\"result\":\"" + path, "application/json");
            attempt(thrown, api::getMe);
            telegram.failNext("getMe", 1, 404, path, "text/plain");
            attempt(thrown, api::getMe);

            // every way of getting no answer
            telegram.dropNext("sendMessage", 1, false);
            attempt(thrown, () -> api.sendMessage(plain("x")));
            telegram.dropNext("sendMessage", 1, true);
            attempt(thrown, () -> api.sendMessage(plain("x")));
            telegram.dropNext("downloadFile", 1, false);
            attempt(thrown, () -> api.downloadFile(filePath, 4096));
            telegram.delayNext("getWebhookInfo", Duration.ofSeconds(1));
            attempt(thrown, api::getWebhookInfo);
            try (HttpTelegramApi wrong = new HttpTelegramApi(TelegramApiConfig.defaults(telegram.baseUrl(), OTHER))) {
                attempt(thrown, wrong::getMe);
            }
            int closedPort;
            try (ServerSocket socket = new ServerSocket(0)) {
                closedPort = socket.getLocalPort();
            }
            try (HttpTelegramApi refused = new HttpTelegramApi(TelegramApiConfig.defaults(
                    URI.create("http://127.0.0.1:" + closedPort + "/prefix"), token))) {
                attempt(thrown, refused::getMe);
                attempt(thrown, () -> refused.downloadFile("documents/a.pdf", 10));
            }
        }

        List<String> leaks = leaks(captured.list, thrown, texts, List.of(token, OTHER));
        long httpClientEvents = captured.list.stream().filter(e -> e.getLoggerName().startsWith("org.apache.hc")).count();
        System.out.println("no-token check: events=" + captured.list.size() + " httpclient_events=" + httpClientEvents
                + " exceptions=" + thrown.size() + " leaks=" + leaks.size());
        assertThat(thrown).hasSize(20);
        assertThat(httpClientEvents).as("HttpClient's DEBUG logging was on").isGreaterThan(100);
        assertThat(captured.list).as("HttpClient logged the request lines, with the placeholder")
                .anyMatch(e -> e.getFormattedMessage().contains("executing POST")
                        && e.getFormattedMessage().contains("/bot" + BotApiPaths.PLACEHOLDER + "/sendMessage"));
        assertThat(captured.list).as("our connections never log headers or wire bytes")
                .noneMatch(e -> e.getLoggerName().startsWith("org.apache.hc.client5.http.headers")
                        || e.getLoggerName().startsWith("org.apache.hc.client5.http.wire"));
        assertThat(leaks).isEmpty();
    }

    @Test
    void theSameCheckFindsTheTokenWhenAStockHttpClientSendsIt() throws Exception {
        BotToken token;
        try (FakeBotApi telegram = FakeBotApi.start(); CloseableHttpClient stock = HttpClients.createDefault()) {
            token = telegram.token();
            HttpPost post = new HttpPost(telegram.baseUrl() + "/bot" + token.reveal() + "/getMe");
            post.setEntity(new StringEntity("{}", ContentType.APPLICATION_JSON));

            String body = stock.execute(post, response -> EntityUtils.toString(response.getEntity()));

            assertThat(body).contains("\"ok\":true");
        }
        List<String> leaks = leaks(captured.list, List.of(), List.of(), List.of(token));
        System.out.println("control: a stock HttpClient leaked the token in " + leaks.size() + " places, loggers "
                + leaks.stream().map(l -> l.substring(0, l.indexOf(':'))).distinct().toList());
        assertThat(leaks).anyMatch(l -> l.startsWith("org.apache.hc.client5.http.headers"))
                .anyMatch(l -> l.startsWith("org.apache.hc.client5.http.impl.classic.MainClientExec"));
    }

    // ---------------------------------------------------------------- the check

    private static SendMessageRequest plain(String text) {
        return new SendMessageRequest(CHAT, text, false, Keyboard.NONE);
    }

    private static void attempt(List<Throwable> thrown, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            thrown.add(e);
        }
    }

    private static String secretOf(BotToken token) {
        return token.reveal().substring(token.reveal().indexOf(':') + 1);
    }

    /** Where a token or its secret half appears: {@code <logger or source>: <text>}. */
    static List<String> leaks(List<ILoggingEvent> events, List<Throwable> thrown, List<String> texts,
            List<BotToken> tokens) {
        List<String> secrets = new ArrayList<>();
        for (BotToken token : tokens) {
            secrets.add(token.reveal());
            secrets.add(secretOf(token));
        }
        List<String> found = new ArrayList<>();
        for (ILoggingEvent event : events) {
            List<String> parts = new ArrayList<>();
            parts.add(event.getFormattedMessage());
            parts.add(event.getMessage());
            if (event.getArgumentArray() != null) {
                for (Object argument : event.getArgumentArray()) {
                    parts.add(String.valueOf(argument));
                }
            }
            parts.addAll(event.getMDCPropertyMap().values());
            throwableTexts(event.getThrowableProxy(), parts);
            for (String part : parts) {
                if (part != null && secrets.stream().anyMatch(part::contains)) {
                    found.add(event.getLoggerName() + ": " + part);
                }
            }
        }
        for (Throwable t : thrown) {
            StringWriter trace = new StringWriter();
            t.printStackTrace(new PrintWriter(trace));
            String text = t + "\n" + trace;
            if (secrets.stream().anyMatch(text::contains)) {
                found.add("thrown " + t.getClass().getSimpleName() + ": " + text);
            }
        }
        for (String text : texts) {
            if (secrets.stream().anyMatch(text::contains)) {
                found.add("toString: " + text);
            }
        }
        return found;
    }

    private static void throwableTexts(IThrowableProxy proxy, List<String> into) {
        if (proxy == null) {
            return;
        }
        into.add(proxy.getClassName() + ": " + proxy.getMessage());
        for (StackTraceElementProxy element : proxy.getStackTraceElementProxyArray()) {
            into.add(element.getSTEAsString());
        }
        throwableTexts(proxy.getCause(), into);
        for (IThrowableProxy suppressed : proxy.getSuppressed()) {
            throwableTexts(suppressed, into);
        }
    }
}
