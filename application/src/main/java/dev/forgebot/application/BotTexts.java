package dev.forgebot.application;

import java.util.Objects;

/**
 * What the bot says, in one place so that a business can reword it. Immutable.
 *
 * @param greeting       answer to /start
 * @param help           answer to /help
 * @param unknownCommand answer to a command the bot does not know
 * @param noAnswer       when the knowledge base has no good answer (a human is offered)
 * @param handoff        when the customer is handed to a human
 * @param stillWithHuman when a handed-off customer writes again
 * @param contactThanks  after the customer shared their contact
 * @param contactNotOwn  after the customer shared someone else's contact card
 * @param fileReceived   after a file was stored
 * @param fileRejected   when a file could not be taken (too large)
 * @param followUp       the follow-up text; {@code %s} is replaced by the customer's name or "there"
 * @param apology        sent once when a message could not be handled at all
 */
public record BotTexts(
        String greeting,
        String help,
        String unknownCommand,
        String noAnswer,
        String handoff,
        String stillWithHuman,
        String contactThanks,
        String contactNotOwn,
        String fileReceived,
        String fileRejected,
        String followUp,
        String apology) {

    public BotTexts {
        for (String text : new String[] {greeting, help, unknownCommand, noAnswer, handoff, stillWithHuman, contactThanks,
                contactNotOwn, fileReceived, fileRejected, followUp, apology}) {
            Objects.requireNonNull(text, "bot texts must not be null");
            if (text.isBlank()) {
                throw new IllegalArgumentException("bot texts must not be blank");
            }
        }
    }

    /** The default English texts. */
    public static BotTexts english() {
        return new BotTexts(
                "Hi! I'm the assistant of this business. Ask me anything about our product, pricing or support. "
                        + "Type /human at any time to talk to a person.",
                "Ask a question in your own words and I'll answer from our help centre. "
                        + "/human: talk to a person. Share your phone number with the button if you'd like us to call you.",
                "I don't know that command. Type /help to see what I can do.",
                "I'm not sure about that one, and I'd rather not guess. Would you like to talk to a person? "
                        + "Type /human and someone from the team will reply here.",
                "Thanks! I've passed the conversation to our team; a person will reply here shortly.",
                "Our team has your conversation and will reply here. Thanks for your patience.",
                "Thanks, we've saved your number.",
                "Thanks! If you'd like us to reach you, please share your own contact with the button.",
                "Thanks, we've received your file.",
                "Sorry, that file is too large for us to take. Could you send a smaller one or a link?",
                "Hi %s, just checking in: did you find what you were looking for? Reply here if you have any questions.",
                "Sorry, something went wrong on our side and I couldn't handle your message. "
                        + "The team has been told; please try again in a little while.");
    }

    /** The follow-up text addressed to {@code name}. */
    public String followUpFor(String name) {
        return followUp.replace("%s", name);
    }
}
