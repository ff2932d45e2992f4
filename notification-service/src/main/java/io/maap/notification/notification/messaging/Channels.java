package io.maap.notification.notification.messaging;

import java.util.Map;

/** The configured channels by name ({@code smtp}, {@code notify}). */
public record Channels(Map<String, Channel> byName) {

    public Channels {
        byName = Map.copyOf(byName);
    }

    public Channel get(String name) {
        return byName.get(name);
    }
}
