package dev.tenure.access.connector;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenure.access.connector.HttpExchange.Answer;

/**
 * How one kind of HTTP target speaks, for {@link HttpExchange}: its media type, the words of its errors, and what it
 * means when it refuses the credentials.
 */
public interface HttpDialect {

    /** The media type of request bodies, accepted in answers besides plain JSON: plain JSON unless said otherwise. */
    default String mediaType() {
        return "application/json";
    }

    /** {@code HTTP <status>} with the target's own words from an error body, when it has any. */
    String detail(int status, JsonNode body);

    /**
     * The reason of the permanent failure when the target refuses the credentials: a 401 after the token was renewed
     * (or could not be), or a 403.
     */
    String credentialsRefused(String what, Answer answer);

    /** What to add to a refusal the connector has no better reading of (a hint where to look), or "". */
    default String refusalHint(Answer answer) {
        return "";
    }
}
