package dev.forgebot.adapter.telegram.api;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Request URIs of the Bot API, built with {@link #PLACEHOLDER} where the token goes. Every request object
 * HttpClient sees (and logs, and puts in exception messages) carries the placeholder; only the request
 * line written to the socket carries the token ({@link #reveal(String, BotToken)}, called by
 * {@link TokenConnectionFactory}). Immutable.
 */
final class BotApiPaths {

    /** Stands in for the token in every URI HttpClient handles. */
    static final String PLACEHOLDER = "TOKEN_REDACTED";

    /** What precedes the method name or the file path, with the placeholder. */
    static final String MARKER = "/bot" + PLACEHOLDER + "/";

    private static final Pattern METHOD = Pattern.compile("[A-Za-z]{1,64}");
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final String base;

    /** {@code baseUrl} as normalised by {@link TelegramApiConfig}: no trailing slash, no query. */
    BotApiPaths(URI baseUrl) {
        this.base = Objects.requireNonNull(baseUrl, "baseUrl").toString();
    }

    /** {@code {base}/bot{PLACEHOLDER}/{method}}. */
    URI method(String method) {
        if (!METHOD.matcher(Objects.requireNonNull(method, "method")).matches()) {
            throw new IllegalArgumentException("not a Bot API method name");
        }
        return URI.create(base + MARKER + method);
    }

    /**
     * {@code {base}/file/bot{PLACEHOLDER}/{filePath}}, each segment of {@code filePath} percent-encoded.
     *
     * @throws IllegalArgumentException for an empty or absolute path, an empty, {@code .} or {@code ..}
     *                                  segment, or a control character
     */
    URI file(String filePath) {
        Objects.requireNonNull(filePath, "filePath");
        if (filePath.isEmpty() || filePath.startsWith("/")) {
            throw new IllegalArgumentException("a file path is relative and non-empty");
        }
        StringBuilder sb = new StringBuilder(base).append("/file").append(MARKER);
        String[] segments = filePath.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("a file path has no empty, . or .. segment");
            }
            if (i > 0) {
                sb.append('/');
            }
            encodeSegment(segment, sb);
        }
        return URI.create(sb.toString());
    }

    private static void encodeSegment(String segment, StringBuilder out) {
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x20 || c == 0x7f) {
                throw new IllegalArgumentException("a file path has no control characters");
            }
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
    }

    /**
     * Puts the token in place of the first placeholder marker of a request line; a line without the
     * marker is returned as it is.
     */
    static String reveal(String requestLine, BotToken token) {
        int at = requestLine.indexOf(MARKER);
        if (at < 0) {
            return requestLine;
        }
        return requestLine.substring(0, at) + "/bot" + token.reveal() + "/"
                + requestLine.substring(at + MARKER.length());
    }
}
