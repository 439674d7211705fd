package dev.tenure.schemas.registry;

/**
 * A schema version as the registry holds it.
 *
 * @param contentId the id Apicurio 3 serdes write after the magic byte by default
 * @param globalId  the id of this version across all artifacts
 */
public record RegisteredSchema(String groupId, String artifactId, String version, long globalId, long contentId) {
}
