package dev.tenure.access.config;

import dev.tenure.access.connector.Connector;
import dev.tenure.access.connector.ConnectorSet;
import dev.tenure.access.execution.ExecutionKafka;
import dev.tenure.access.execution.ExecutorConfig;
import dev.tenure.access.manual.ManualTaskConnector;
import dev.tenure.access.manual.ManualTasks;
import dev.tenure.access.manual.TaskTransitions;
import dev.tenure.access.manual.store.KafkaTaskStore;
import dev.tenure.access.policy.AccessPolicy;
import dev.tenure.access.policy.Entitlement;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Manual tasks: the store on access-manual-tasks (read whole at start-up, then followed), the tasks' rules, one
 * {@link ManualTaskConnector} per {@code manual:<app>} target of the policy (the executor finds connectors by exact
 * target), and the periodic check that reminds and escalates.
 */
@ApplicationScoped
public class ManualTaskProducer {

    private static final Logger LOG = Logger.getLogger(ManualTaskProducer.class);

    @Inject
    ManualTaskConfig config;

    @Inject
    ExecutionKafka kafka;

    @Inject
    ExecutorConfig executor;

    @ConfigProperty(name = "tenure.access.instance-id")
    Optional<String> instanceId;

    private KafkaTaskStore store;
    private ScheduledExecutorService ageing;

    @Produces
    @Singleton
    ManualTasks manualTasks(Clock clock) {
        String transactionalId = config.transactionalId().orElseGet(() -> "access-service-manual-tasks-"
                + instanceId.orElseGet(() -> UUID.randomUUID().toString()));
        store = new KafkaTaskStore(kafka.base(), kafka.registryUrl(), transactionalId, executor.publishTimeout(),
                clock);
        TaskTransitions rules = new TaskTransitions(new TaskTransitions.Settings(config.remindAfter(),
                config.escalateAfter(), config.escalationQueue(), config.escalationAssignee().orElse(null)));
        return new ManualTasks(store, rules, clock, "access-service");
    }

    @Produces
    @Singleton
    ConnectorSet manualApplications(AccessPolicy policy, ManualTasks tasks) {
        if (!config.enabled()) {
            return List::of;
        }
        TreeSet<String> targets = new TreeSet<>();
        policy.entitlements().stream().filter(Entitlement::manual).map(Entitlement::target).forEach(targets::add);
        List<Connector> connectors = targets.stream().map(t -> (Connector) new ManualTaskConnector(t, tasks)).toList();
        LOG.infof("manual tasks for %s (remind after %s, escalate after %s to %s)", targets, config.remindAfter(),
                config.escalateAfter(), config.escalationQueue());
        return () -> connectors;
    }

    void start(@Observes StartupEvent startup, ManualTasks tasks) {
        if (!config.enabled()) {
            LOG.info("manual tasks are off (tenure.access.manual.enabled=false)");
            return;
        }
        store.start();
        ageing = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "access-manual-task-ageing");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(1, config.checkEvery().toMillis());
        ageing.scheduleWithFixedDelay(() -> age(tasks), every, every, TimeUnit.MILLISECONDS);
    }

    private static void age(ManualTasks tasks) {
        try {
            var changes = tasks.age();
            if (!changes.isEmpty()) {
                LOG.infof("manual tasks aged: %s", changes.stream().map(c -> c.task().taskId() + " " + c.kind())
                        .toList());
            }
        } catch (Exception e) {
            LOG.warnf("the reminder/escalation check failed, trying again at the next one: %s", e.toString());
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (ageing != null) {
            ageing.shutdownNow();
        }
        if (store != null) {
            store.close();
        }
    }
}
