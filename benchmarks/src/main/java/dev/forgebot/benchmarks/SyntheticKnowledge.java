package dev.forgebot.benchmarks;

import dev.forgebot.domain.knowledge.Article;
import dev.forgebot.domain.knowledge.ArticleId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A knowledge base of any size for benchmarks: the topics of a small SaaS business plus synthetic
 * articles drawn deterministically from a seeded random generator over a support vocabulary, so the
 * same size gives the same articles on every run.
 */
final class SyntheticKnowledge {

    static final String[][] TOPICS = {
        {"Pricing plans", "starter team business enterprise price per user month"},
        {"Free trial", "trial 14 days no credit card team plan"},
        {"Refund policy", "refund money back guarantee annual 30 days"},
        {"Cancel your subscription", "cancel billing settings access period"},
        {"Upgrade or downgrade your plan", "upgrade downgrade prorated renewal"},
        {"Download invoices and billing history", "invoice receipt pdf billing email"},
        {"Accepted payment methods", "visa mastercard amex paypal bank transfer"},
        {"Failed or declined payment", "declined card retry read-only"},
        {"Nonprofit and education discounts", "nonprofit charity student school discount"},
        {"Annual billing discount", "yearly save 20 percent coupon"},
        {"VAT and sales tax", "vat id reverse charge sales tax exempt"},
        {"Slack integration", "slack channel notifications approve"},
        {"Zapier integration", "zapier triggers actions apps"},
        {"Google Sheets integration", "google sheets spreadsheet sync export"},
        {"QuickBooks and Xero accounting sync", "quickbooks xero accounting sync"},
        {"REST API", "api key developer documentation sdk"},
        {"API rate limits", "rate limit 429 requests per minute"},
        {"Webhooks", "webhook signature retry events"},
        {"Data encryption", "encryption aes tls kms keys"},
        {"SOC 2 and security certifications", "soc audit pentest iso report"},
        {"GDPR and data processing agreement", "gdpr dpa subprocessors privacy"},
        {"Data residency and hosting location", "eu us frankfurt virginia aws region"},
        {"Support hours", "monday friday weekend holidays hours"},
        {"Contact support", "email chat phone human ticket"},
        {"Onboarding and training", "onboarding webinar academy training"},
        {"Import data", "import csv trello asana migration"},
        {"Export your data", "export csv json zip download"},
        {"Delete your account or workspace", "delete workspace account permanent"},
        {"Reset your password", "password reset forgot link locked"},
        {"Two-factor authentication", "2fa authenticator backup codes security key"},
        {"Team members, seats and roles", "seats roles admin guest invite"},
        {"Single sign-on (SSO)", "sso saml okta entra scim"},
        {"Mobile apps", "iphone android ios app push"},
        {"Offline use", "offline sync internet connection"},
        {"Uptime and SLA", "uptime sla credits availability"},
        {"Service status and outages", "status outage incident down"},
        {"Backups and data recovery", "backup restore trash recovery"},
        {"Supported browsers", "chrome firefox safari edge explorer"},
        {"Languages and localisation", "german french spanish language locale"},
        {"White label and custom branding", "white label logo domain branding"},
        {"Affiliate and partner program", "affiliate commission referral partner"},
        {"Recurring invoices", "recurring schedule monthly retainer"},
        {"Payment reminders for overdue invoices", "reminder overdue late fee"},
        {"Multiple currencies", "currency exchange rate euro"},
        {"Client portal", "portal clients pay online quotes"},
    };

    private static final String[] VOCABULARY = (
            "account admin alert amount analytics approval archive attachment audit automation balance bank "
            + "batch billing budget calendar card category change checkout client comment company contract "
            + "cost credit currency customer dashboard data date deadline default delivery department discount "
            + "document domain draft due email employee error estimate event expense export field file filter "
            + "folder form group history import integration invoice item label language ledger license limit "
            + "link list login manager member message migration mobile month notification number order owner "
            + "partner password payment permission phone plan policy portal price project purchase quote rate "
            + "receipt record refund region reminder report request role rule schedule seat security server "
            + "setting share signature status storage subscription supplier sync tax team template time token "
            + "total transfer trial update upload usage user vendor version webhook week workflow workspace year")
            .split(" ");

    private SyntheticKnowledge() {
    }

    /** {@code count} articles: the business topics first, then synthetic ones. */
    static List<Article> articles(int count) {
        Random random = new Random(20_240_601L);
        List<Article> list = new ArrayList<>(count);
        for (int i = 0; i < TOPICS.length && list.size() < count; i++) {
            list.add(new Article(new ArticleId("topic-" + i), TOPICS[i][0],
                    TOPICS[i][0] + " explained: " + TOPICS[i][1] + ". " + sentence(random, 30), List.of(TOPICS[i][1].split(" "))));
        }
        while (list.size() < count) {
            int n = list.size();
            String title = sentence(random, 3 + random.nextInt(4));
            String body = sentence(random, 40 + random.nextInt(80));
            list.add(new Article(new ArticleId("synthetic-" + n), title, body,
                    List.of(word(random), word(random), word(random))));
        }
        return list;
    }

    private static String sentence(Random random, int words) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            text.append(i == 0 ? "" : " ").append(word(random));
        }
        return text.toString();
    }

    /** Zipf-like: a few words are very common, most are rare, as in real text. */
    private static String word(Random random) {
        double u = random.nextDouble();
        return VOCABULARY[(int) (VOCABULARY.length * u * u)];
    }
}
