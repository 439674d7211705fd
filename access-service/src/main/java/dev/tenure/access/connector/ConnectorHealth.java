package dev.tenure.access.connector;

/** What {@link Connector#test()} found: up or not, and in words what was checked or what failed. */
public record ConnectorHealth(boolean up, String detail) {

    public static ConnectorHealth up(String detail) {
        return new ConnectorHealth(true, detail);
    }

    public static ConnectorHealth down(String detail) {
        return new ConnectorHealth(false, detail);
    }
}
