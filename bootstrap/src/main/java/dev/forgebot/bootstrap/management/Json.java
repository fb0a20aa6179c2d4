package dev.forgebot.bootstrap.management;

import java.util.List;
import java.util.Map;

/** Just enough JSON for the health body: strings, booleans, string maps and lists, escaped per RFC 8259. */
final class Json {

    private Json() {
    }

    static String health(HealthSnapshot health) {
        var json = new StringBuilder(128);
        json.append("{\"status\":");
        string(json, health.healthy() ? "UP" : "DOWN");
        json.append(",\"live\":").append(health.live());
        json.append(",\"ready\":").append(health.ready());
        json.append(",\"loops\":");
        object(json, health.loops());
        json.append(",\"problems\":");
        array(json, health.problems());
        if (!health.channel().isEmpty()) {
            json.append(",\"channel\":");
            object(json, health.channel());
        }
        return json.append('}').toString();
    }

    private static void object(StringBuilder json, Map<String, String> map) {
        json.append('{');
        boolean first = true;
        for (var entry : map.entrySet()) {
            if (!first) {
                json.append(',');
            }
            first = false;
            string(json, entry.getKey());
            json.append(':');
            string(json, entry.getValue());
        }
        json.append('}');
    }

    private static void array(StringBuilder json, List<String> values) {
        json.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            string(json, values.get(i));
        }
        json.append(']');
    }

    static void string(StringBuilder json, String value) {
        json.append('"');
        if (value != null) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '"' -> json.append("\\\"");
                    case '\\' -> json.append("\\\\");
                    case '\n' -> json.append("\\n");
                    case '\r' -> json.append("\\r");
                    case '\t' -> json.append("\\t");
                    case '\b' -> json.append("\\b");
                    case '\f' -> json.append("\\f");
                    default -> {
                        // Control characters must be escaped; U+2028/9 too, so the body is also valid JavaScript.
                        if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                            json.append(String.format("\\u%04x", (int) c));
                        } else {
                            json.append(c);
                        }
                    }
                }
            }
        }
        json.append('"');
    }
}
