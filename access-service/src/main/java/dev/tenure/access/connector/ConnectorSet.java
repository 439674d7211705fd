package dev.tenure.access.connector;

import java.util.List;

/**
 * Connectors configured together, as many as the configuration names (one per SCIM application): the executor serves
 * each of them, as it serves every single {@link Connector} bean.
 */
public interface ConnectorSet {

    List<Connector> connectors();
}
