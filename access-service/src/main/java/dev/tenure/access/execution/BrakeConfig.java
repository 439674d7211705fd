package dev.tenure.access.execution;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Set;

/** {@code tenure.access.brake.*}: the mass-change brake. */
@ConfigMapping(prefix = "tenure.access.brake")
public interface BrakeConfig {

    /** More than this many destructive changes for one target within the window stop execution. */
    @WithDefault("50")
    int threshold();

    @WithDefault("5m")
    Duration window();

    /** The command steps that count as destructive. */
    @WithDefault("ACCOUNT_DISABLED,ACCOUNT_DELETED")
    Set<String> steps();
}
