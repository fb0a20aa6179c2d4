package dev.forgebot.adapter.telegram.dto;

/**
 * A press on an inline keyboard button ({@code CallbackQuery}); must always be answered.
 *
 * @param id      the query's id, for {@code answerCallbackQuery}
 * @param from    who pressed
 * @param message the message the button was on, or null (old or inline messages)
 * @param data    the button's data, or null
 */
public record CallbackQuery(String id, User from, Message message, String data) {
}
