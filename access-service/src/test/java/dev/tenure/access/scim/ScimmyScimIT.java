package dev.tenure.access.scim;

import dev.tenure.testkit.ScimServer;

/** The SCIM connector against scimmy, a strict SCIM engine (storage in the test kit's server file). */
class ScimmyScimIT extends ScimConnectorContract {

    @Override
    ScimServer.Kind kind() {
        return ScimServer.Kind.SCIMMY;
    }
}
