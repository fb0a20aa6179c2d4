package dev.forgebot.domain.lead;

import dev.forgebot.domain.text.Keywords;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a customer's name, e-mail address, phone number and company in free text (English), by
 * precise patterns rather than guesses: a fact is reported only when the text states it in a form
 * people commonly use ("my name is ...", "this is Anna from Globex", "Thanks, Tom", "+44 20 7946
 * 0958", "I work at Initech", "Acme Widgets Inc", ...). Values keep the customer's casing, except
 * that an all-lower-case name given explicitly ("my name is john smith") is title-cased.
 *
 * <p>Phone numbers are told apart from order numbers, dates, prices, IBANs, card numbers and
 * version or IP numbers by their grouping and by the words just before them ("order", "invoice",
 * "#" versus "call", "phone", "mobile"). A number written with {@code +} or {@code 00} is reported
 * as international; any other as local, with its trunk prefix.
 *
 * <p>Stateless and thread-safe: all patterns are compiled once and every pattern is written so that
 * matching stays roughly linear in the length of the text (possessive quantifiers, bounded
 * repetition, word-start look-behinds).
 *
 * <p>Never throws: {@code null}, empty, emoji-only or right-to-left text yields
 * {@link ExtractedFacts#none()}; invisible format characters (zero-width spaces, bidi marks) are
 * ignored, so {@code jo\u200Bhn@acme.com} is found as {@code john@acme.com}.
 */
public final class LeadFactExtractor {

    private static final int CONTEXT_CHARS = 40;
    private static final int MAX_WORD_LENGTH = 40;

    // ---- e-mail -------------------------------------------------------------------------------
    private static final Pattern EMAIL =
            Pattern.compile("(?<![A-Za-z0-9._%+\\-])[A-Za-z0-9._%+\\-]++@[A-Za-z0-9.\\-]++");
    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)[^\\s<>\"]++");

    // ---- phone: spans blanked before looking for numbers ----------------------------------------
    private static final Pattern DATE_YEAR_FIRST =
            Pattern.compile("(?<![\\d.\\-/+])\\d{4}[-./]\\d{1,2}[-./]\\d{1,2}(?![.\\-/]?\\d)");
    private static final Pattern DATE_YEAR_LAST =
            Pattern.compile("(?<![\\d.\\-/+])\\d{1,2}[-./]\\d{1,2}[-./](?:\\d{4}|\\d{2})(?![.\\-/]?\\d)");
    private static final Pattern PRICE_SYMBOL_FIRST = Pattern.compile("[$€£¥₹][ ]?\\d[\\d,.]*+");
    private static final Pattern PRICE_CODE_AFTER = Pattern.compile(
            "(?<![\\d,.])\\d[\\d,.]*+[ ]?(?i:usd|eur|gbp|chf|dollars?|euros?|pounds?|bucks)\\b");
    private static final Pattern IBAN = Pattern.compile(
            "(?i)\\b[A-Z]{2}\\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}+(?:[ ]?[A-Z0-9]{1,3})?+\\b");
    private static final List<Pattern> NOT_PHONE_SPANS =
            List.of(URL, EMAIL, IBAN, DATE_YEAR_FIRST, DATE_YEAR_LAST, PRICE_SYMBOL_FIRST, PRICE_CODE_AFTER);

    /**
     * A run of digit groups: optional {@code +}, then groups joined by one separator (space, up to
     * two spaces, or {@code - . /} with optional spaces), a group optionally in parentheses.
     * Bounded to 13 groups; a longer run is recognised as a fragment and rejected.
     */
    private static final Pattern DIGIT_RUN = Pattern.compile(
            "(?<![\\p{L}\\p{N}_+])(?:\\+[ ]?)?+\\(?\\d++\\)?+(?:(?:[ ]?[\\-./][ ]?|[ ]{1,2})?+\\(?\\d++\\)?+){0,12}+");
    private static final Pattern PHONE_WORD = Pattern.compile(
            "(?i)\\b(?:call|calls|calling|phone|ph|tel|telephone|mobile|mob|cell|cellphone|whatsapp|viber|signal"
                    + "|text|sms|ring|reach|contact|fax|dial)\\b");
    private static final Pattern NUMBER_WORD = Pattern.compile("(?i)\\b(?:number|num|nr|no)\\b");
    private static final Pattern NOT_PHONE_WORD = Pattern.compile(
            "(?i)\\b(?:orders?|invoices?|inv|ref|reference|tracking|track|account|acct|acc|iban|bic|swift|card|visa"
                    + "|amex|mastercard|ticket|case|id|sku|serial|zip|postcode|postal|code|po|ean|upc|isbn|vat|tax"
                    + "|ssn|passport|licen[cs]e|booking|reservation|confirmation|transaction|receipt|parcel"
                    + "|shipment|badge|room|pin|otp|password|item|model|part|customer|year|years|version)\\b|[#№]");

    // ---- names ----------------------------------------------------------------------------------
    private static final Pattern MY_NAME_IS = Pattern.compile(
            "(?i)\\bmy\\s+name(?:\\s+is|'s)\\b|(?:^|[\\n,;/|]|\\bfull\\s|\\bmy\\s)[ \\t]*name[ \\t]*[:=]");
    private static final Pattern FROM_HEADER = Pattern.compile("(?i)(?:^|\\n)[ \\t]*(?:from|contact(?:[ \\t]+person)?)[ \\t]*:");
    private static final Pattern THIS_IS = Pattern.compile("(?i)\\bthis\\s+is\\b");
    private static final Pattern I_AM = Pattern.compile("(?i)\\b(?:i'?m|i\\s+am)\\b");
    private static final Pattern IT_IS = Pattern.compile("(?i)\\b(?:it'?s|it\\s+is)\\b");
    private static final Pattern NAME_HERE = Pattern.compile(
            "(?<![\\p{L}'\\-])(\\p{Lu}[\\p{L}'\\-]*+(?:[ ]\\p{Lu}[\\p{L}'\\-]*+){0,3}+)[ ]+(?i:here)\\b");
    private static final Pattern NAME_START = Pattern.compile("(?<![\\p{L}'\\-])\\p{Lu}");
    private static final Pattern CLOSING = Pattern.compile(
            "(?i)\\b(?:thanks|thank\\s+you|thx|cheers|best(?:\\s+regards|\\s+wishes)?|kind\\s+regards"
                    + "|warm\\s+regards|regards|sincerely|yours(?:\\s+truly|\\s+sincerely)?|all\\s+the\\s+best"
                    + "|many\\s+thanks)[ \\t]*(?:[,!.\\-][ \\t]*\\n?|\\n)[ \\t\\n]*");
    private static final Pattern TITLE = Pattern.compile("(?i)(?:dr|mr|mrs|ms|miss|prof)\\.?[ ]+");
    private static final Pattern GREETING_END = Pattern.compile(
            "(?i)(?:^|[^\\p{L}])(?:hi|hello|hey|hiya|yo|there|morning|afternoon|evening|all|team)[ \\t]*[,!]?$");

    // ---- companies ------------------------------------------------------------------------------
    private static final Pattern COMPANY_MARKER = Pattern.compile(
            "(?i)\\b(?:work(?:ing)?|employed)\\s+(?:at|for|by)\\s"
                    + "|\\b(?:our|my)\\s+(?:company|business|firm|agency|startup|shop|store|organi[sz]ation|employer)"
                    + "(?:'s)?(?:\\s+name)?\\s+is(?:\\s+called)?\\s"
                    + "|\\bcompany(?:\\s+name)?[ \\t]*:"
                    + "|\\b(?:company|business|startup|agency|firm|shop|store|brand)\\s+(?:called|named)\\s"
                    + "|\\bon\\s+behalf\\s+of\\s");
    private static final Pattern AFTER_NAME_CONNECTOR =
            Pattern.compile("(?i)(?:here[ \\t]+)?(?:from|with|at|of)[ \\t]+");
    /** Markers followed by a capitalised company: "reaching out from Acme", "I run Bella Pizza". */
    private static final Pattern COMPANY_MARKER_CAPITALISED = Pattern.compile(
            "(?i)\\b(?:reaching\\s+out|writing|calling|contacting\\s+you|emailing)\\s+from\\s"
                    + "|\\bI\\s+(?:run|own|manage|represent)\\s");
    /** Words one of which every {@link #COMPANY_MARKER} match holds (lower case, as substrings). */
    private static final String[] COMPANY_MARKER_WORDS = {
        "work", "employ", "compan", "business", "firm", "agenc", "startup", "shop", "store", "organi", "brand", "behalf",
    };
    /** Words one of which every {@link #COMPANY_MARKER_CAPITALISED} match holds. */
    private static final String[] COMPANY_MARKER_CAPITALISED_WORDS = {
        "reaching", "writing", "calling", "contacting", "emailing", "run", "own", "manag", "represent",
    };
    /** Words one of which every {@link #ROLE_AT} match holds. */
    private static final String[] ROLE_WORDS = {
        "ceo", "cto", "cfo", "coo", "cmo", "cio", "cso", "vp", "founder", "owner", "director", "manager", "engineer",
        "developer", "designer", "lead", "president", "partner", "consultant", "buyer", "analyst", "officer", "intern",
        "administrator", "accountant", "architect", "specialist", "coordinator", "representative", "head",
    };
    private static final Set<String> DEPARTMENTS = Set.of(
            "hr", "sales", "marketing", "support", "it", "finance", "legal", "procurement", "purchasing",
            "accounts", "accounting", "operations", "ops", "engineering", "admin", "billing", "security");
    private static final Pattern AT_COMPANY = Pattern.compile("(?i)[ \\t]+(?:at|of)[ \\t]+");
    private static final Pattern ROLE_AT = Pattern.compile(
            "(?i)\\b(?:ceo|cto|cfo|coo|cmo|cio|cso|vp|svp|evp|founder|co-?founder|owner|director|manager|engineer"
                    + "|developer|designer|lead|president|partner|consultant|buyer|analyst|officer|intern"
                    + "|administrator|accountant|architect|specialist|coordinator|representative"
                    + "|head\\s+of\\s+\\p{L}++)\\s+(?:at|of|for|with)\\s");
    private static final Pattern WE_ARE = Pattern.compile("(?i)\\b(?:we\\s+are|we're)\\s+(?:from\\s+)?");
    private static final Pattern LEGAL_SUFFIX = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(?:Inc|LLC|Ltd|Limited|GmbH|Corp|Corporation|Co|PLC|plc|AG|SA|BV|NV|LLP|SRL|Oy|AB"
                    + "|SAS|SARL|KG)(?![\\p{L}\\p{N}])");

    private static final Set<String> NOT_A_NAME = Set.of(
            "interested", "looking", "trying", "not", "so", "very", "just", "here", "there", "writing", "having",
            "getting", "going", "sorry", "glad", "happy", "sad", "sure", "new", "from", "in", "on", "at", "the",
            "a", "an", "also", "still", "currently", "wondering", "calling", "contacting", "reaching", "unable",
            "ready", "planning", "hoping", "curious", "afraid", "done", "fine", "good", "ok", "okay", "great",
            "broken", "urgent", "working", "down", "late", "early", "back", "free", "available", "busy", "me",
            "you", "we", "they", "he", "she", "it", "this", "that", "anyone", "someone", "somebody", "anybody",
            "everyone", "everybody", "nobody", "all", "one", "any", "some", "our", "my", "your", "his", "her",
            "their", "hi", "hello", "hey", "dear", "thanks", "thank", "regards", "best", "cheers", "team",
            "support", "sales", "customer", "client", "user", "owner", "ceo", "cto", "cfo", "coo", "cmo", "vp",
            "director", "manager", "head", "founder", "engineer", "developer", "president", "partner",
            "consultant", "buyer", "admin", "important", "impossible", "ridiculous", "sick", "tired", "confused",
            "frustrated", "disappointed", "excited", "pleased", "satisfied", "unhappy", "annoyed", "worried",
            "concerned", "aware", "able", "about", "asking", "emailing", "messaging", "following", "again",
            "using", "based", "located", "into", "over", "what", "why", "how", "who", "when", "where", "yes",
            "no", "please", "today", "tomorrow", "yesterday", "now", "is", "are", "was", "be", "english",
            "british", "american", "canadian", "dutch", "german", "french", "spanish", "italian", "polish",
            "indian", "chinese", "japanese", "australian", "irish", "scottish", "mexican", "brazilian",
            "portuguese", "swedish", "danish", "norwegian", "finnish", "russian", "ukrainian", "turkish",
            "greek", "israeli", "korean", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
            "sunday", "god", "sir", "madam", "ma'am", "guys", "folks", "everything", "nothing", "something",
            "true", "false", "wrong", "right", "bad", "weird", "strange", "real", "human", "bot");
    private static final Set<String> NAME_STOP = Set.of(
            "and", "or", "from", "with", "at", "here", "of", "for", "to", "in", "on", "the", "a", "an", "i", "im",
            "i'm", "we", "is", "am", "are", "was", "my", "our", "your", "this", "that", "again", "too", "also",
            "please", "thanks", "thank", "need", "needs", "want", "wants", "would", "could", "can", "will", "just",
            "but", "so", "if", "via", "by", "team", "there", "calling", "writing", "looking", "as");
    private static final Set<String> COMPANY_STOP = Set.of(
            "and", "or", "but", "we", "i", "i'm", "im", "we're", "my", "our", "us", "you", "looking", "interested",
            "want", "wants", "wanted", "need", "needs", "would", "could", "can", "will", "to", "for", "in", "on",
            "as", "at", "with", "who", "which", "that", "since", "because", "please", "thanks", "thank",
            "currently", "now", "today", "is", "are", "was", "were", "have", "has", "had", "about", "regarding",
            "asking", "hoping", "trying", "wondering", "just", "also", "so", "if", "when", "where", "by", "via",
            "again", "too", "here", "there", "team", "the", "a", "an", "this", "next", "last", "yesterday",
            "tomorrow", "based", "located", "doing", "from", "it", "its", "it's");
    private static final Set<String> COMPANY_NOT_FIRST = Set.of(
            "a", "an", "my", "our", "your", "his", "her", "their", "home", "myself", "yourself", "ourselves",
            "themselves", "me", "us", "you", "it", "this", "that", "least", "present", "moment", "night",
            "times", "once", "all", "some", "any", "work", "school", "hi", "hello", "hey", "dear", "thanks",
            "i", "we", "sorry", "not", "looking", "interested", "here", "there");
    private static final Set<String> PLACES = Set.of(
            "london", "paris", "berlin", "lisbon", "madrid", "barcelona", "rome", "milan", "amsterdam", "dublin",
            "munich", "vienna", "zurich", "geneva", "warsaw", "prague", "budapest", "stockholm", "oslo",
            "copenhagen", "helsinki", "brussels", "athens", "istanbul", "moscow", "kyiv", "new york", "nyc",
            "la", "sf", "san francisco", "los angeles", "chicago", "boston", "seattle", "austin", "toronto",
            "vancouver", "montreal", "sydney", "melbourne", "dubai", "mumbai", "delhi", "bangalore", "tokyo",
            "singapore", "hong kong", "shanghai", "beijing", "manchester", "leeds", "edinburgh", "glasgow",
            "portugal", "spain", "france", "germany", "italy", "uk", "usa", "us", "canada", "india", "china",
            "japan", "australia", "brazil", "mexico", "poland", "ireland", "netherlands", "belgium",
            "switzerland", "austria", "sweden", "norway", "denmark", "finland", "israel", "england",
            "scotland", "wales", "europe", "asia", "africa", "america", "texas", "california", "florida");

    private LeadFactExtractor() {
    }

    /**
     * Extracts the facts stated in {@code text}.
     *
     * @param text free customer text; {@code null} is treated as empty
     * @return the facts found, each field empty when not stated; never {@code null}
     */
    public static ExtractedFacts extract(String text) {
        if (text == null || text.isBlank()) {
            return ExtractedFacts.none();
        }
        String s = clean(text);
        Optional<NameHit> nameHit = guarded(() -> findName(s));
        Optional<PersonName> name = nameHit.flatMap(hit -> guarded(() -> personName(hit.value())));
        Optional<CompanyName> company = guarded(() -> findCompany(s, nameHit.orElse(null)));
        // Cheap screens first: most messages hold no '@' and too few digits for a phone.
        Optional<EmailAddress> email = s.indexOf('@') < 0 ? Optional.empty() : guarded(() -> findEmail(s));
        Optional<PhoneNumber> phone = digits(s) < PhoneNumber.MIN_DIGITS ? Optional.empty() : guarded(() -> findPhone(s));
        return new ExtractedFacts(name, email, phone, company);
    }

    private static int digits(String s) {
        int count = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                count++;
            }
        }
        return count;
    }

    /**
     * A fact that a heuristic fails on is reported absent rather than failing the whole extraction:
     * enrichment is best effort and must not lose the facts the other heuristics found.
     */
    private static <T> Optional<T> guarded(Supplier<Optional<T>> finder) {
        try {
            return finder.get();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * NFKC (keeps case), drops format and control characters, maps typographic apostrophes and
     * dashes to ASCII, every line break to {@code \n} and every other space to {@code ' '}.
     */
    static String clean(String text) {
        String composed = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(composed.length());
        for (int i = 0; i < composed.length(); ) {
            int cp = composed.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (cp == '\n' || cp == '\r' || cp == '\u2028' || cp == '\u2029' || cp == '\u0085') {
                out.append('\n');
            } else if (type == Character.FORMAT) {
                continue;
            } else if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                out.append(' ');
            } else if (type == Character.CONTROL) {
                continue;
            } else if (cp == '\u2018' || cp == '\u2019' || cp == '\u02BC' || cp == '\u2032') {
                out.append('\'');
            } else if ((cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212) {
                out.append('-');
            } else {
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }

    // ================================ e-mail ================================

    private static Optional<EmailAddress> findEmail(String s) {
        Matcher m = EMAIL.matcher(s);
        while (m.find()) {
            String candidate = m.group();
            int at = candidate.indexOf('@');
            String local = stripLeading(candidate.substring(0, at), ".");
            String domain = stripTrailing(candidate.substring(at + 1), ".-");
            Optional<EmailAddress> email = emailAddress(local + "@" + domain);
            if (email.isPresent()) {
                return email;
            }
        }
        return Optional.empty();
    }

    private static Optional<EmailAddress> emailAddress(String value) {
        try {
            return Optional.of(new EmailAddress(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    // ================================ phone ================================

    private enum Context { NEGATIVE, NEUTRAL, POSITIVE }

    private record Group(String digits, boolean parenthesised, char separatorBefore) {
    }

    private static Optional<PhoneNumber> findPhone(String s) {
        char[] work = s.toCharArray();
        for (Pattern p : NOT_PHONE_SPANS) {
            Matcher m = p.matcher(s);
            while (m.find()) {
                for (int i = m.start(); i < m.end(); i++) {
                    work[i] = ' ';
                }
            }
        }
        String w = new String(work);
        Matcher run = DIGIT_RUN.matcher(w);
        while (run.find()) {
            Optional<PhoneNumber> phone = evaluateRun(w, run.start(), run.end());
            if (phone.isPresent()) {
                return phone;
            }
        }
        return Optional.empty();
    }

    private static Optional<PhoneNumber> evaluateRun(String w, int start, int end) {
        if (isGluedToWordOrLongerNumber(w, start, end)) {
            return Optional.empty();
        }
        String run = w.substring(start, end);
        List<Group> groups = parseGroups(run);
        if (groups.isEmpty()) {
            return Optional.empty();
        }
        Context context = classify(contextBefore(w, start));
        boolean international = run.startsWith("+");
        if (!international && groups.get(0).digits().startsWith("00") && groups.get(0).digits().length() <= 5) {
            international = true;
            Group first = groups.get(0);
            String rest = first.digits().substring(2);
            groups = new ArrayList<>(groups);
            if (rest.isEmpty()) {
                groups.remove(0);
            } else {
                groups.set(0, new Group(rest, first.parenthesised(), first.separatorBefore()));
            }
        }
        if (international) {
            if (context == Context.NEGATIVE) {
                return Optional.empty();
            }
            StringBuilder digits = new StringBuilder();
            for (Group g : groups) {
                boolean trunkZero = g.parenthesised() && g.digits().chars().allMatch(c -> c == '0');
                if (!trunkZero) {
                    digits.append(g.digits());
                }
            }
            return phone(digits.toString(), true);
        }
        List<List<Group>> segments = splitAtStyleChange(groups);
        for (int i = 0; i < segments.size(); i++) {
            Optional<PhoneNumber> phone = evaluateLocal(segments.get(i), i == 0 ? context : Context.NEUTRAL);
            if (phone.isPresent()) {
                return phone;
            }
        }
        return Optional.empty();
    }

    private static Optional<PhoneNumber> evaluateLocal(List<Group> groups, Context context) {
        if (context == Context.NEGATIVE) {
            return Optional.empty();
        }
        String digits = concat(groups);
        if (digits.length() < PhoneNumber.MIN_DIGITS || digits.length() > PhoneNumber.MAX_DIGITS) {
            return Optional.empty();
        }
        if (groups.size() == 1) {
            boolean plausibleBare = digits.length() >= 10 && digits.length() <= 11;
            return context == Context.POSITIVE || plausibleBare ? phone(digits, false) : Optional.empty();
        }
        if (looksLikeIpAddress(groups) || looksLikeYearRange(groups)) {
            return Optional.empty();
        }
        if (context != Context.POSITIVE && (looksLikeThousands(groups) || looksLikeCardBlocks(groups))) {
            return Optional.empty();
        }
        return phone(digits, false);
    }

    private static Optional<PhoneNumber> phone(String digits, boolean international) {
        try {
            return Optional.of(new PhoneNumber(digits, international));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * A run that touches letters ({@code 15k}, {@code INV-2024}, {@code 0x8007}) or is a fragment of a
     * longer digit sequence than the run pattern takes (the pattern is bounded to stay linear).
     */
    private static boolean isGluedToWordOrLongerNumber(String w, int start, int end) {
        if (end < w.length()) {
            char after = w.charAt(end);
            if (Character.isLetterOrDigit(after) || after == '%' || after == '°') {
                return true;
            }
            int i = end;
            while (i < w.length() && i - end < 2 && " -./".indexOf(w.charAt(i)) >= 0) {
                i++;
            }
            if (i > end && i < w.length() && Character.isDigit(w.charAt(i))) {
                return true;
            }
        }
        if (start >= 2) {
            char before = w.charAt(start - 1);
            char beforeThat = w.charAt(start - 2);
            if ("-./#".indexOf(before) >= 0 && Character.isLetterOrDigit(beforeThat)) {
                return true;
            }
            if (before == ' ' && Character.isDigit(beforeThat)) {
                return true;
            }
        }
        return false;
    }

    private static List<Group> parseGroups(String run) {
        List<Group> groups = new ArrayList<>();
        StringBuilder digits = new StringBuilder();
        boolean inParens = false;
        boolean groupParenthesised = false;
        char separator = 0;
        for (int i = 0; i < run.length(); i++) {
            char c = run.charAt(i);
            if (c >= '0' && c <= '9') {
                if (digits.isEmpty()) {
                    groupParenthesised = inParens;
                }
                digits.append(c);
                continue;
            }
            if (!digits.isEmpty()) {
                groups.add(new Group(digits.toString(), groupParenthesised, separator));
                digits.setLength(0);
                separator = 0;
            }
            if (c == '(') {
                inParens = true;
            } else if (c == ')') {
                inParens = false;
            } else if (c == '-' || c == '.' || c == '/') {
                separator = c;
            } else if (c == ' ' && separator == 0) {
                separator = ' ';
            }
        }
        if (!digits.isEmpty()) {
            groups.add(new Group(digits.toString(), groupParenthesised, separator));
        }
        return groups;
    }

    /**
     * Splits {@code 12345 415-555-0132} into its two numbers: when a run mixes punctuation
     * separators with plain spaces, a plain space (not one after a parenthesised area code) is
     * where one number ends and the next begins.
     */
    private static List<List<Group>> splitAtStyleChange(List<Group> groups) {
        boolean punctuated = groups.stream().skip(1).anyMatch(g -> g.separatorBefore() != ' ');
        List<List<Group>> segments = new ArrayList<>();
        List<Group> current = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            Group g = groups.get(i);
            boolean split = punctuated && i > 0 && g.separatorBefore() == ' ' && !groups.get(i - 1).parenthesised();
            if (split) {
                segments.add(current);
                current = new ArrayList<>();
            }
            current.add(g);
        }
        segments.add(current);
        return segments;
    }

    private static String concat(List<Group> groups) {
        StringBuilder b = new StringBuilder();
        groups.forEach(g -> b.append(g.digits()));
        return b.toString();
    }

    private static boolean looksLikeIpAddress(List<Group> groups) {
        return groups.size() == 4
                && groups.stream().allMatch(g -> g.digits().length() <= 3)
                && groups.stream().skip(1).allMatch(g -> g.separatorBefore() == '.');
    }

    private static boolean looksLikeYearRange(List<Group> groups) {
        return groups.size() == 2 && groups.stream().allMatch(g -> g.digits().matches("(?:19|20)\\d\\d"));
    }

    /** {@code 2 500 000}: a short leading group followed by groups of exactly three. */
    private static boolean looksLikeThousands(List<Group> groups) {
        return groups.get(0).digits().length() <= 3
                && groups.stream().skip(1).allMatch(g -> g.digits().length() == 3);
    }

    /** {@code 4111 1111 1111}: card and account numbers come in blocks of four. */
    private static boolean looksLikeCardBlocks(List<Group> groups) {
        return groups.size() >= 3 && groups.stream().limit(groups.size() - 1).allMatch(g -> g.digits().length() == 4);
    }

    /** The words just before a number: back to the previous number or line break, at most 40 chars. */
    private static String contextBefore(String w, int start) {
        int from = Math.max(0, start - CONTEXT_CHARS);
        for (int i = start - 1; i >= from; i--) {
            char c = w.charAt(i);
            if (Character.isDigit(c) || c == '\n') {
                from = i + 1;
                break;
            }
        }
        return w.substring(from, start);
    }

    private static Context classify(String context) {
        int lastNegative = lastMatchEnd(NOT_PHONE_WORD, context);
        int lastPositive = lastMatchEnd(PHONE_WORD, context);
        if (lastNegative >= 0 && lastNegative > lastPositive) {
            return Context.NEGATIVE;
        }
        if (lastPositive >= 0 || NUMBER_WORD.matcher(context).find()) {
            return Context.POSITIVE;
        }
        return Context.NEUTRAL;
    }

    private static int lastMatchEnd(Pattern p, String text) {
        Matcher m = p.matcher(text);
        int last = -1;
        while (m.find()) {
            last = m.end();
        }
        return last;
    }

    // ================================ name ================================

    /** A name and where it ends, so a company right after it ("Anna from Globex") can be read. */
    private record NameHit(String value, int end) {
    }

    private record Words(List<String> words, int end) {
        String joined() {
            return String.join(" ", words);
        }
    }

    private static Optional<NameHit> findName(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        Optional<NameHit> hit = Optional.empty();
        if (lower.contains("name")) {
            hit = afterTrigger(s, MY_NAME_IS, true, false);
        }
        if (hit.isEmpty() && (lower.contains("from") || lower.contains("contact"))) {
            hit = afterTrigger(s, FROM_HEADER, false, false);
        }
        if (hit.isEmpty() && lower.contains("this")) {
            hit = afterTrigger(s, THIS_IS, false, false);
        }
        if (hit.isEmpty()) {
            hit = afterTrigger(s, I_AM, false, false);
        }
        if (hit.isEmpty()) {
            hit = nameHere(s);
        }
        if (hit.isEmpty()) {
            hit = afterTrigger(s, IT_IS, false, true);
        }
        if (hit.isEmpty()) {
            hit = greetingNameFromCompany(s);
        }
        if (hit.isEmpty()) {
            hit = signature(s);
        }
        return hit;
    }

    private static Optional<NameHit> afterTrigger(String s, Pattern trigger, boolean anyCase, boolean sentenceStart) {
        Matcher m = trigger.matcher(s);
        while (m.find()) {
            if (sentenceStart && !atSentenceStart(s, m.start())) {
                continue;
            }
            Optional<Words> name = readName(s, m.end(), anyCase);
            if (name.isPresent()) {
                return Optional.of(new NameHit(titleCaseLowerWords(name.get().words()), name.get().end()));
            }
        }
        return Optional.empty();
    }

    private static Optional<NameHit> nameHere(String s) {
        Matcher m = NAME_HERE.matcher(s);
        while (m.find()) {
            List<String> words = new ArrayList<>(List.of(m.group(1).split(" ")));
            int nameStart = m.start(1);
            while (!words.isEmpty() && isGreeting(words.get(0))) {
                nameStart += words.remove(0).length() + 1;
            }
            if (words.isEmpty() || words.size() > 3 || !atSentenceStart(s, nameStart)) {
                continue;
            }
            boolean allNameLike = words.stream().allMatch(word -> {
                String lower = word.toLowerCase(Locale.ROOT);
                return !NOT_A_NAME.contains(lower) && !NAME_STOP.contains(lower) && word.length() <= MAX_WORD_LENGTH;
            });
            if (allNameLike) {
                return Optional.of(new NameHit(String.join(" ", words), m.end(1)));
            }
        }
        return Optional.empty();
    }

    /** "Hi, Julia Roberts from Redwood Dental, ...": a name opening a sentence, then its company. */
    private static Optional<NameHit> greetingNameFromCompany(String s) {
        Matcher m = NAME_START.matcher(s);
        while (m.find()) {
            if (!atSentenceStart(s, m.start())) {
                continue;
            }
            Optional<Words> name = readName(s, m.start(), false);
            if (name.isPresent() && !isGreeting(name.get().words().get(0))
                    && companyAfterName(s, name.get().end()).isPresent()) {
                return Optional.of(new NameHit(name.get().joined(), name.get().end()));
            }
        }
        return Optional.empty();
    }

    /** "Thanks, Maria" / "Best,\nTom Baker" closing the message (optionally followed by a company line). */
    private static Optional<NameHit> signature(String s) {
        Matcher m = CLOSING.matcher(s);
        Optional<NameHit> last = Optional.empty();
        while (m.find()) {
            Optional<Words> name = readName(s, m.end(), false);
            if (name.isEmpty()) {
                continue;
            }
            if (endsMessageOrLine(s, name.get().end())) {
                last = Optional.of(new NameHit(name.get().joined(), name.get().end()));
            }
        }
        return last;
    }

    private static boolean endsMessageOrLine(String s, int end) {
        int k = skipBlanks(s, end);
        while (k < s.length() && (s.charAt(k) == '.' || s.charAt(k) == '!')) {
            k++;
        }
        k = skipBlanks(s, k);
        return k == s.length() || s.charAt(k) == '\n' || (k == skipBlanks(s, end) && s.charAt(k) == ',');
    }

    /**
     * Reads one to three name words at {@code pos}. With {@code anyCase} false every word must be
     * capitalised; with it true a lower-case first word is allowed (and then later words may be
     * lower-case too), for explicit forms like "my name is john smith".
     */
    private static Optional<Words> readName(String s, int pos, boolean anyCase) {
        int i = skipBlanks(s, pos);
        Matcher title = TITLE.matcher(s).region(i, s.length());
        if (title.lookingAt()) {
            i = title.end();
        }
        List<String> words = new ArrayList<>(3);
        int end = i;
        boolean firstCapitalised = false;
        while (words.size() < 3) {
            int wordEnd = nameWordEnd(s, i);
            if (wordEnd == i || wordEnd - i > MAX_WORD_LENGTH) {
                break;
            }
            String word = s.substring(i, wordEnd);
            String lower = word.toLowerCase(Locale.ROOT);
            boolean capitalised = Character.isUpperCase(word.codePointAt(0));
            boolean excluded = NOT_A_NAME.contains(lower) || NAME_STOP.contains(lower);
            if (words.isEmpty()) {
                if (excluded || (!anyCase && !capitalised)) {
                    return Optional.empty();
                }
                firstCapitalised = capitalised;
            } else if (excluded || ((!anyCase || firstCapitalised) && !capitalised)) {
                break;
            }
            words.add(word);
            end = wordEnd;
            if (wordEnd < s.length() && s.charAt(wordEnd) == ' ') {
                i = wordEnd + 1;
            } else {
                break;
            }
        }
        return words.isEmpty() ? Optional.empty() : Optional.of(new Words(words, end));
    }

    /** End of a word of letters, with inner apostrophes or hyphens (O'Connor, Mary-Jane). */
    private static int nameWordEnd(String s, int i) {
        int j = i;
        while (j < s.length()) {
            int cp = s.codePointAt(j);
            if (Character.isLetter(cp)) {
                j += Character.charCount(cp);
            } else if ((cp == '\'' || cp == '-') && j > i && j + 1 < s.length()
                    && Character.isLetter(s.codePointAt(j + 1))) {
                j++;
            } else {
                break;
            }
        }
        return j;
    }

    private static String titleCaseLowerWords(List<String> words) {
        List<String> out = new ArrayList<>(words.size());
        for (String word : words) {
            if (word.equals(word.toLowerCase(Locale.ROOT))) {
                int first = word.codePointAt(0);
                out.add(new StringBuilder().appendCodePoint(Character.toTitleCase(first))
                        .append(word.substring(Character.charCount(first))).toString());
            } else {
                out.add(word);
            }
        }
        return String.join(" ", out);
    }

    private static boolean atSentenceStart(String s, int index) {
        String before = s.substring(Math.max(0, index - 60), index).stripTrailing();
        if (before.isEmpty() && index < 60) {
            return true;
        }
        if (before.isEmpty()) {
            return false;
        }
        char last = before.charAt(before.length() - 1);
        return ".!?\n".indexOf(last) >= 0 || GREETING_END.matcher(before).find();
    }

    private static boolean isGreeting(String word) {
        return Set.of("hi", "hello", "hey", "hiya", "yo", "morning", "afternoon", "evening")
                .contains(word.toLowerCase(Locale.ROOT));
    }

    private static Optional<PersonName> personName(String value) {
        try {
            return Optional.of(new PersonName(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    // ================================ company ================================

    private static Optional<CompanyName> findCompany(String s, NameHit name) {
        // Each trigger pattern runs only when the text holds one of its words: a cheap screen that
        // spares most messages the case-insensitive alternations (it may pass texts the pattern
        // then rejects, never the other way round).
        String lower = s.toLowerCase(Locale.ROOT);
        Optional<String> found = Optional.empty();
        if (Keywords.containsAny(lower, COMPANY_MARKER_WORDS)) {
            found = afterCompanyTrigger(s, COMPANY_MARKER, true);
        }
        if (found.isEmpty() && Keywords.containsAny(lower, COMPANY_MARKER_CAPITALISED_WORDS)) {
            found = afterCompanyTrigger(s, COMPANY_MARKER_CAPITALISED, false)
                    .filter(company -> !PLACES.contains(company.toLowerCase(Locale.ROOT)));
        }
        if (found.isEmpty() && name != null) {
            found = companyAfterName(s, name.end());
        }
        if (found.isEmpty() && Keywords.containsAny(lower, ROLE_WORDS)) {
            found = afterCompanyTrigger(s, ROLE_AT, false);
        }
        if (found.isEmpty() && lower.contains("we")) {
            found = afterCompanyTrigger(s, WE_ARE, false);
        }
        if (found.isEmpty() && name != null) {
            found = companyClosingSignature(s, name.end());
        }
        if (found.isEmpty()) {
            found = companyBeforeLegalSuffix(s);
        }
        return found.flatMap(LeadFactExtractor::companyName);
    }


    private static Optional<String> afterCompanyTrigger(String s, Pattern trigger, boolean anyCase) {
        Matcher m = trigger.matcher(s);
        while (m.find()) {
            Optional<Words> company = readCompany(s, m.end(), anyCase);
            if (company.isPresent()) {
                return Optional.of(company.get().joined());
            }
        }
        return Optional.empty();
    }

    /** "Anna from Globex", "Liam with Acme Logistics", "Chloe 👋 from Bloom", "Ravi (ravi@tcs.com) from TCS". */
    private static Optional<String> companyAfterName(String s, int nameEnd) {
        int i = nameEnd;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int type = Character.getType(cp);
            if (cp == ' ' || type == Character.OTHER_SYMBOL || type == Character.SURROGATE) {
                i += Character.charCount(cp);
            } else if (cp == '(') {
                int close = s.indexOf(')', i);
                if (close < 0 || close - i > 60 || s.substring(i, close).indexOf('\n') >= 0) {
                    break;
                }
                i = close + 1;
            } else {
                break;
            }
        }
        Matcher connector = AFTER_NAME_CONNECTOR.matcher(s).region(i, s.length());
        if (!connector.lookingAt()) {
            return Optional.empty();
        }
        Optional<Words> company = readCompany(s, connector.end(), false);
        if (company.isPresent() && company.get().words().size() == 1
                && DEPARTMENTS.contains(company.get().joined().toLowerCase(Locale.ROOT))) {
            Matcher at = AT_COMPANY.matcher(s).region(company.get().end(), s.length());
            company = at.lookingAt() ? readCompany(s, at.end(), false) : Optional.empty();
        }
        return company
                .map(Words::joined)
                .filter(value -> !PLACES.contains(value.toLowerCase(Locale.ROOT)));
    }

    /** "Kind regards, Fatima Zahra, Atlas Imports": capitalised words closing the message after the name. */
    private static Optional<String> companyClosingSignature(String s, int nameEnd) {
        int i = nameEnd;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        if (i >= s.length() || (s.charAt(i) != ',' && s.charAt(i) != '\n')) {
            return Optional.empty();
        }
        i++;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        Optional<Words> company = readCompany(s, i, false);
        if (company.isEmpty() || !s.substring(company.get().end()).strip().matches("[.!]*")) {
            return Optional.empty();
        }
        return Optional.of(company.get().joined());
    }

    /** "Acme Widgets Inc", "Pied Piper Inc.", "Dickens & Co": capitalised words before a legal suffix. */
    private static Optional<String> companyBeforeLegalSuffix(String s) {
        Matcher m = LEGAL_SUFFIX.matcher(s);
        while (m.find()) {
            List<String> words = new ArrayList<>();
            int i = m.start();
            while (words.size() < 4 && i >= 2 && s.charAt(i - 1) == ' ') {
                int wordEnd = i - 1;
                int wordStart = wordEnd;
                while (wordStart > 0 && isCompanyWordChar(s.charAt(wordStart - 1))) {
                    wordStart--;
                }
                String word = s.substring(wordStart, wordEnd);
                if (word.isEmpty() || word.length() > MAX_WORD_LENGTH
                        || !(word.equals("&") || Character.isUpperCase(word.codePointAt(0)))) {
                    break;
                }
                words.add(0, word);
                i = wordStart;
            }
            while (!words.isEmpty() && (NOT_A_NAME.contains(words.get(0).toLowerCase(Locale.ROOT))
                    || COMPANY_NOT_FIRST.contains(words.get(0).toLowerCase(Locale.ROOT))
                    || words.get(0).equals("&"))) {
                words.remove(0);
            }
            if (!words.isEmpty()) {
                return Optional.of(String.join(" ", words) + " " + m.group());
            }
        }
        return Optional.empty();
    }

    /**
     * Reads up to five company words at {@code pos}, stopping at punctuation, a line break, a
     * common trailing word ("and", "we", "looking", ...) or, once the name started capitalised, a
     * lower-case word. A word ending in a dot ends the name ("Co.", "Initech.").
     */
    private static Optional<Words> readCompany(String s, int pos, boolean anyCase) {
        int i = skipBlanks(s, pos);
        List<String> words = new ArrayList<>(5);
        int end = i;
        boolean firstCapitalised = false;
        while (words.size() < 5) {
            int j = i;
            while (j < s.length() && isCompanyWordChar(s.charAt(j)) && j - i <= MAX_WORD_LENGTH) {
                j++;
            }
            if (j == i || j - i > MAX_WORD_LENGTH) {
                break;
            }
            String raw = s.substring(i, j);
            String word = stripTrailing(raw, ".'-");
            boolean sentenceEnd = raw.endsWith(".");
            if (word.isEmpty()) {
                break;
            }
            String lower = word.toLowerCase(Locale.ROOT);
            boolean capitalised = Character.isUpperCase(word.codePointAt(0)) || Character.isDigit(word.charAt(0));
            boolean connector = word.equals("&") || lower.equals("of");
            if (words.isEmpty()) {
                if (COMPANY_NOT_FIRST.contains(lower) || COMPANY_STOP.contains(lower) || word.equals("&")
                        || (!anyCase && !capitalised)) {
                    return Optional.empty();
                }
                firstCapitalised = capitalised;
            } else if (COMPANY_STOP.contains(lower)
                    || (!connector && (!anyCase || firstCapitalised) && !capitalised)) {
                break;
            }
            words.add(word);
            end = i + word.length();
            if (sentenceEnd || j >= s.length() || s.charAt(j) != ' ') {
                break;
            }
            i = j + 1;
        }
        while (!words.isEmpty() && (words.get(words.size() - 1).equals("&")
                || words.get(words.size() - 1).equalsIgnoreCase("of"))) {
            words.remove(words.size() - 1);
        }
        return words.isEmpty() ? Optional.empty() : Optional.of(new Words(words, end));
    }

    private static boolean isCompanyWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '&' || c == '\'' || c == '.' || c == '-';
    }

    private static Optional<CompanyName> companyName(String value) {
        try {
            return Optional.of(new CompanyName(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    // ================================ helpers ================================

    private static int skipBlanks(String s, int i) {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static String stripLeading(String value, String chars) {
        int i = 0;
        while (i < value.length() && chars.indexOf(value.charAt(i)) >= 0) {
            i++;
        }
        return value.substring(i);
    }

    private static String stripTrailing(String value, String chars) {
        int i = value.length();
        while (i > 0 && chars.indexOf(value.charAt(i - 1)) >= 0) {
            i--;
        }
        return value.substring(0, i);
    }
}
