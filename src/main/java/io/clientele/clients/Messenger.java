package io.clientele.clients;

/**
 * An account in a messenger: which one (Telegram, WhatsApp, VK…) and the handle or
 * number.
 */
public record Messenger(String kind, String handle) {
}
