package dev.forgebot.adapter.insforge.http;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Percent-encoding (RFC 3986) and PostgREST list/tree quoting. */
final class QueryEncoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private QueryEncoding() {
    }

    static void refuseNul(String s) {
        if (s.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("NUL character not allowed in a query");
        }
    }

    /** Encodes everything except the unreserved characters {@code A-Z a-z 0-9 - . _ ~}. */
    static String percentEncode(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(bytes.length * 3);
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return sb.toString();
    }

    /** A value inside {@code in.(...)} or an and/or tree: quoted when it holds a reserved character. */
    static String quoteIfNeeded(String value) {
        boolean needs = value.isEmpty() || !value.strip().equals(value);
        for (int i = 0; i < value.length() && !needs; i++) {
            char c = value.charAt(i);
            needs = c == ',' || c == '.' || c == ':' || c == '(' || c == ')' || c == '"' || c == '\\';
        }
        if (!needs) {
            return value;
        }
        StringBuilder sb = new StringBuilder(value.length() + 4).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.append('"').toString();
    }

    static String list(List<String> values) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(quoteIfNeeded(values.get(i)));
        }
        return sb.append(')').toString();
    }
}
