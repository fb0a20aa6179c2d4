package dev.forgebot.adapter.telegram.dto;

/**
 * A file ready to download ({@code File}, the answer of {@code getFile}).
 *
 * @param fileId       the id it was asked for
 * @param fileUniqueId id stable across bots
 * @param fileSize     size in bytes, or null
 * @param filePath     path to download it from, valid for at least an hour, or null
 */
public record TelegramFile(String fileId, String fileUniqueId, Long fileSize, String filePath) {
}
