package dev.tenure.audit.dashboard;

/**
 * What the dashboard's event stream says: an aggregate ({@code kind} "compliance", key
 * {@code <sle>:<agency>:<WEEK|MONTH>:<first day>}) or a case ({@code kind} "case", key its case id) changed; the
 * page reads the API again.
 */
public record SleChange(String kind, String key) {
}
