package dev.tenure.access.scim;

import dev.tenure.testkit.ScimServer;

/** The SCIM connector against Better Auth's SCIM plugin (an existing product's endpoint: no etag, sort or bulk). */
class BetterAuthScimIT extends ScimConnectorContract {

    @Override
    ScimServer.Kind kind() {
        return ScimServer.Kind.BETTER_AUTH;
    }
}
