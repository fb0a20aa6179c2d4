package dev.forgebot.adapter.telegram.dto;

/**
 * A general file ({@code Document}).
 *
 * @param fileId       id to fetch it by (per bot)
 * @param fileUniqueId id stable across bots, not usable to fetch
 * @param fileName     original name, or null
 * @param mimeType     MIME type as sent, or null
 * @param fileSize     size in bytes, or null
 */
public record Document(String fileId, String fileUniqueId, String fileName, String mimeType, Long fileSize) {
}
