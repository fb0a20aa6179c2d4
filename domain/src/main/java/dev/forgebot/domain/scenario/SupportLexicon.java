package dev.forgebot.domain.scenario;

import dev.forgebot.domain.text.Tokenizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small lexicon of the ways customers name the same thing in a B2B SaaS support queue: operating
 * system families, payment rails, languages in their own names, compliance and sign-in jargon,
 * discounts by audience. Each variant (one or two terms) is rewritten to its group's canonical terms
 * before vectors are built, so "ubuntu app" and "linux app" share a term.
 *
 * <p>Phrases are written as plain words and run through {@link Tokenizer#terms} at class load, so the
 * lexicon follows any change to the stemmer or stop words. A rewrite only ever merges terms; it never
 * drops one, and words with another common meaning ("check", "make", "snap", "mint") are left out.
 */
final class SupportLexicon {

    /** Each row: the canonical phrase, then its variants. */
    private static final String[][] GROUPS = {
        {"linux", "ubuntu", "debian", "fedora", "centos", "redhat", "rhel", "appimage", "flatpak", "rpm"},
        {"mac", "macos", "osx", "macbook"},
        {"ios", "iphone", "ipad"},
        {"apple watch", "watchos"},
        {"crypto", "cryptocurrency", "cryptocurrencies", "bitcoin", "btc", "ethereum", "eth", "usdt", "usdc",
            "stablecoin", "stablecoins", "coinbase"},
        {"cheque", "cheques"},
        {"phone", "telephone", "hotline", "callback"},
        {"on premise", "prem", "premises", "onprem", "on-premises", "self host", "selfhost", "selfhosted"},
        {"dark mode", "darkmode", "night mode", "dark theme"},
        {"spanish", "español", "espanol", "castellano"},
        {"german", "deutsch"},
        {"french", "français", "francais"},
        {"portuguese", "português", "portugues"},
        {"italian", "italiano"},
        {"language", "idioma", "sprache", "langue", "translation", "translated", "localization", "localisation",
            "localized", "localised"},
        {"hipaa", "baa", "business associate"},
        {"sso", "saml", "oidc", "okta", "single sign", "identity provider", "idp", "azure ad", "entra", "onelogin"},
        {"2fa", "mfa", "two factor", "2 factor", "totp"},
        {"security key", "yubikey", "fido2", "webauthn", "passkey", "hardware key"},
        {"white label", "whitelabel", "white labelled", "white labeled", "rebrand", "own brand"},
        {"google sheets", "gsheets", "gsheet", "spreadsheet", "spreadsheets"},
        {"zapier", "zap", "zaps", "integromat", "ifttt", "n8n"},
        {"quickbooks", "qb", "qbo"},
        {"student", "students", "university", "college", "education", "educational", "academic"},
        {"nonprofit", "non profit", "not for profit", "ngo", "charity", "charities", "501", "npo"},
        {"lifetime", "appsumo", "one time", "pay once"},
        {"offline", "no internet", "without internet", "no signal", "no connection"},
        {"eu", "europe", "european"},
        {"integration", "integrate", "connector", "plugin", "plug in", "addon", "add on"},
    };

    private static final Map<List<String>, List<String>> REWRITES = rewrites();

    private SupportLexicon() {
    }

    /** Returns {@code terms} with every known variant (longest match first) replaced by its canonical terms. */
    static List<String> canonical(List<String> terms) {
        List<String> out = new ArrayList<>(terms.size());
        for (int i = 0; i < terms.size(); ) {
            List<String> two = i + 1 < terms.size() ? REWRITES.get(terms.subList(i, i + 2)) : null;
            if (two != null) {
                out.addAll(two);
                i += 2;
                continue;
            }
            List<String> one = REWRITES.get(terms.subList(i, i + 1));
            out.addAll(one != null ? one : terms.subList(i, i + 1));
            i++;
        }
        return out;
    }

    private static Map<List<String>, List<String>> rewrites() {
        Map<List<String>, List<String>> rewrites = new HashMap<>();
        for (String[] group : GROUPS) {
            List<String> canonical = Tokenizer.terms(group[0]);
            for (int i = 1; i < group.length; i++) {
                List<String> variant = Tokenizer.terms(group[i]);
                if (!variant.isEmpty() && variant.size() <= 2 && !variant.equals(canonical)) {
                    rewrites.put(List.copyOf(variant), canonical);
                }
            }
        }
        return Map.copyOf(rewrites);
    }
}
