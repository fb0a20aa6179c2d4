package dev.forgebot.adapter.telegram.dto;

/**
 * One size of a photo ({@code PhotoSize}); a message carries several, largest last.
 *
 * @param fileId       id to fetch it by
 * @param fileUniqueId id stable across bots
 * @param width        width in pixels
 * @param height       height in pixels
 * @param fileSize     size in bytes, or null
 */
public record PhotoSize(String fileId, String fileUniqueId, int width, int height, Long fileSize) {
}
