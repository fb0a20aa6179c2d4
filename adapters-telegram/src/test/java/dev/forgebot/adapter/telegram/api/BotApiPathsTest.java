package dev.forgebot.adapter.telegram.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.core5.http.impl.io.SessionOutputBufferImpl;
import org.junit.jupiter.api.Test;

class BotApiPathsTest {

    static final BotToken TOKEN = BotToken.of("123456:AAsecret_part-0123456789abcdef");

    private static BotApiPaths paths(String baseUrl) {
        return new BotApiPaths(TelegramApiConfig.defaults(URI.create(baseUrl), TOKEN).baseUrl());
    }

    @Test
    void methodUrisCarryThePlaceholderNeverTheToken() {
        URI uri = paths("https://api.telegram.org").method("sendMessage");

        assertThat(uri).hasToString("https://api.telegram.org/botTOKEN_REDACTED/sendMessage");
        assertThat(uri.toString()).doesNotContain(TOKEN.reveal()).doesNotContain("secret_part");
    }

    @Test
    void aPathPrefixIsKeptAndTrailingSlashesDropped() {
        assertThat(paths("http://127.0.0.1:8081/tg/api//").method("getMe"))
                .hasToString("http://127.0.0.1:8081/tg/api/botTOKEN_REDACTED/getMe");
        assertThat(paths("http://127.0.0.1:8081/tg/api/").file("documents/file_1.pdf"))
                .hasToString("http://127.0.0.1:8081/tg/api/file/botTOKEN_REDACTED/documents/file_1.pdf");
    }

    @Test
    void fileSegmentsArePercentEncodedAndSlashesKept() {
        URI uri = paths("https://api.telegram.org").file("documents/my offer #2 ü.pdf");

        assertThat(uri.getRawPath()).isEqualTo("/file/botTOKEN_REDACTED/documents/my%20offer%20%232%20%C3%BC.pdf");
        assertThat(uri.getPath()).endsWith("/documents/my offer #2 ü.pdf");
    }

    @Test
    void filePathsThatCouldEscapeAreRefused() {
        BotApiPaths paths = paths("https://api.telegram.org");

        assertThatThrownBy(() -> paths.file("../bot1/getMe")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> paths.file("/etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> paths.file("a//b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> paths.file("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> paths.file("a\nb")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> paths.method("get/Me")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void revealPutsTheTokenInPlaceOfTheFirstMarkerOnly() {
        String line = "GET /p/file/botTOKEN_REDACTED/documents/botTOKEN_REDACTED/x HTTP/1.1";

        String revealed = BotApiPaths.reveal(line, TOKEN);

        assertThat(revealed).isEqualTo("GET /p/file/bot" + TOKEN.reveal() + "/documents/botTOKEN_REDACTED/x HTTP/1.1");
        assertThat(BotApiPaths.reveal("GET /health HTTP/1.1", TOKEN)).isEqualTo("GET /health HTTP/1.1");
    }

    @Test
    void theRequestWriterPutsTheTokenOnTheWireAndLeavesTheRequestAlone() throws Exception {
        HttpPost post = new HttpPost(paths("http://127.0.0.1:8081/tg").method("getMe"));
        SessionOutputBufferImpl buffer = new SessionOutputBufferImpl(1024);
        ByteArrayOutputStream wire = new ByteArrayOutputStream();

        new TokenConnectionFactory.TokenRequestWriter(TOKEN).write(post, buffer, wire);
        buffer.flush(wire);

        String written = wire.toString(StandardCharsets.US_ASCII);
        assertThat(written).startsWith("POST /tg/bot" + TOKEN.reveal() + "/getMe HTTP/1.1\r\n");
        assertThat(post.getRequestUri()).isEqualTo("/tg/botTOKEN_REDACTED/getMe");
    }
}
