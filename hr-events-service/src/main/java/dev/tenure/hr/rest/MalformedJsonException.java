package dev.tenure.hr.rest;

/**
 * The body is not exactly one JSON object in UTF-8. Our own type, so that no built-in mapper for
 * Jackson's exceptions answers in its place (they answer without a problem body).
 */
public class MalformedJsonException extends Exception {

    public MalformedJsonException(String message) {
        super(message);
    }
}
