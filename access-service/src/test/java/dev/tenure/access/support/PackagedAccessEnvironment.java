package dev.tenure.access.support;

import dev.tenure.schemas.topics.Topics;
import dev.tenure.testkit.OpenLdapDirectory;
import dev.tenure.testkit.PackagedService;
import dev.tenure.testkit.TenurePeers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.UUID;

/**
 * The environment of a packaged access-service under test, against slapd, with groups of its own: the planner (its
 * own Kafka Streams application id) starts at the end of its input topics and the executor at the end of
 * access-commands, so it plans and carries out only what its test publishes; a state folder that outlives a kill; and a
 * static instance id, so a restart gets its partitions back at once.
 */
public record PackagedAccessEnvironment(Map<String, String> env, String plannerGroup, String executorGroup,
                                        String instanceId) {

    public static PackagedAccessEnvironment create(String name, OpenLdapDirectory slapd) {
        TenurePeers peers = TenurePeers.shared();
        Topics.ALL.forEach(topic -> peers.createTopic(topic.name(), topic.partitions(), topic.configs()));
        String run = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        String plannerGroup = "access-service-" + run;
        String executorGroup = "access-service-executor-" + run;
        ConsumerGroups.startAtTheEnd(plannerGroup, Topics.HR_LIFECYCLE_EVENTS, Topics.ACCESS_LEGAL_HOLDS);
        ConsumerGroups.startAtTheEnd(executorGroup, Topics.ACCESS_COMMANDS);

        Map<String, String> env = PackagedService.environment(peers.bootstrapServers(), peers.registryUrl());
        try {
            env.put("TENURE_ACCESS_STATE_DIR", Files.createTempDirectory(name).toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        env.put("QUARKUS_KAFKA_STREAMS_APPLICATION_ID", plannerGroup);
        env.put("TENURE_ACCESS_EXECUTOR_GROUP_ID", executorGroup);
        env.put("TENURE_ACCESS_INSTANCE_ID", run);
        env.putAll(openLdapDirectory(slapd));
        return new PackagedAccessEnvironment(env, plannerGroup, executorGroup, run);
    }

    /** The packaged service's environment for its directory connector on {@code slapd}. */
    public static Map<String, String> openLdapDirectory(OpenLdapDirectory slapd) {
        return slapd.accessServiceEnvironment();
    }
}
