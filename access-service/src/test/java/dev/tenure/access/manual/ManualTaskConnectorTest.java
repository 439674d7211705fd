package dev.tenure.access.manual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tenure.access.connector.AccessCommand.RemoveMembership;
import dev.tenure.access.connector.AccessCommand.SetAccountEnabled;
import dev.tenure.access.connector.ChangeResult;
import dev.tenure.access.connector.CommandContext;
import dev.tenure.access.connector.ConnectorException;
import dev.tenure.access.manual.TaskTransitions.Kind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The manual target as the executor sees it, over an in-memory store (the Kafka one is in ManualTasksIT). */
class ManualTaskConnectorTest {

    private static final Instant NOW = Instant.parse("2027-06-30T21:00:00Z");
    private final MemoryStore store = new MemoryStore();
    private final ManualTasks tasks = new ManualTasks(store, new TaskTransitions(new TaskTransitions.Settings(
            Duration.ofDays(2), Duration.ofDays(5), "escalations", null)), Clock.fixed(NOW, ZoneOffset.UTC),
            "access-service");
    private final ManualTaskConnector connector = new ManualTaskConnector("manual:payroll", tasks);
    private final CommandContext context = new CommandContext("l1/cut-off/entitlement_revoked/payroll", "l1", "case-1",
            "P1", "DOR", "manual:payroll", "payroll", "ENTITLEMENT_REVOKED", NOW);

    @Test
    void shouldOpenOneTaskPerActionAndAnswerWaitingThenAlreadySoOnceDone() throws Exception {
        ChangeResult first = connector.apply(context, new RemoveMembership("P1", "Legacy Payroll"));
        ChangeResult replayed = connector.apply(context, new RemoveMembership("P1", "Legacy Payroll"));

        assertThat(first.waitingForHuman()).isTrue();
        assertThat(first.detail()).contains(context.actionId()).contains("queue payroll");
        assertThat(replayed.waitingForHuman()).isTrue();
        assertThat(store.writes).containsExactly(context.actionId() + " v1 OPENED");
        ManualTask task = store.find(context.actionId()).orElseThrow();
        assertThat(task.request()).isEqualTo(ManualTask.Request.REVOKE);
        assertThat(task.causationId()).isEqualTo("l1");
        assertThat(task.dueAt()).isEqualTo(NOW);

        tasks.act(context.actionId(), new ManualTasks.Done(1, null, null), "prov-ann");
        assertThat(connector.apply(context, new RemoveMembership("P1", "Legacy Payroll")).kind())
                .isEqualTo(ChangeResult.Kind.ALREADY_SO);
        assertThat(store.writes).hasSize(2);
    }

    @Test
    void shouldFailForGoodForATaskMarkedErroredAndForAccountCommands() throws Exception {
        connector.apply(context, new RemoveMembership("P1", "Legacy Payroll"));
        tasks.act(context.actionId(), new ManualTasks.Errored(1, "no such user"), "prov-ann");

        ConnectorException errored = catchThrowableOfType(ConnectorException.class,
                () -> connector.apply(context, new RemoveMembership("P1", "Legacy Payroll")));
        assertThat(errored.retryable()).isFalse();
        assertThat(errored.getMessage()).contains("prov-ann").contains("no such user");

        ConnectorException account = catchThrowableOfType(ConnectorException.class,
                () -> connector.apply(context, new SetAccountEnabled("P1", false)));
        assertThat(account.retryable()).isFalse();
    }

    @Test
    void shouldAskTheExecutorToRetryWhileTheTasksAreStillBeingRead() {
        store.ready = false;

        ConnectorException notYet = catchThrowableOfType(ConnectorException.class,
                () -> connector.apply(context, new RemoveMembership("P1", "Legacy Payroll")));

        assertThat(notYet.retryable()).isTrue();
        assertThat(store.writes).isEmpty();
    }

    /** A unit-test store: the state in a map, every write listed. */
    static final class MemoryStore implements TaskStore {
        final Map<String, ManualTask> tasks = new LinkedHashMap<>();
        final List<String> writes = new ArrayList<>();
        boolean ready = true;

        @Override
        public boolean ready() {
            return ready;
        }

        @Override
        public Optional<ManualTask> find(String taskId) {
            return Optional.ofNullable(tasks.get(taskId));
        }

        @Override
        public Collection<ManualTask> all() {
            return List.copyOf(tasks.values());
        }

        @Override
        public void write(ManualTask task, Kind kind, String actor, Instant effectiveAt) {
            tasks.put(task.taskId(), task);
            writes.add(task.taskId() + " v" + task.version() + " " + kind);
        }
    }
}
