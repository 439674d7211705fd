package dev.tenure.tools.bench;

/** What the service answered one request: the status and the body as text. */
public record HttpAnswer(int status, String body) {
}
