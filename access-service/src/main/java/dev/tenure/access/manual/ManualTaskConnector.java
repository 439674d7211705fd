package dev.tenure.access.manual;

import dev.tenure.access.connector.AccessCommand;
import dev.tenure.access.connector.AccessCommand.EnsureMembership;
import dev.tenure.access.connector.AccessCommand.RemoveMembership;
import dev.tenure.access.connector.ChangeResult;
import dev.tenure.access.connector.CommandContext;
import dev.tenure.access.connector.Connector;
import dev.tenure.access.connector.ConnectorException;
import dev.tenure.access.connector.ConnectorHealth;
import dev.tenure.access.manual.ManualTask.Request;
import java.util.Objects;

/**
 * The "connector" of an application with no API ({@code manual:<app>}): a command becomes a task for a person, in the
 * application's queue, keyed by the command's actionId. Idempotent like every connector: while the task is open the
 * same command answers "waiting for a human" again, once it is done "already so"; it never opens a second task. A task
 * a provisioner marked errored answers a permanent failure (FAILED and a dead letter, as any change that could not be
 * made).
 */
public final class ManualTaskConnector implements Connector {

    private final String targetSystem;
    private final ManualTasks tasks;

    public ManualTaskConnector(String targetSystem, ManualTasks tasks) {
        this.targetSystem = Objects.requireNonNull(targetSystem, "targetSystem");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        if (!targetSystem.startsWith(ManualTask.MANUAL_PREFIX)) {
            throw new IllegalArgumentException("a manual target is named manual:<app>, not " + targetSystem);
        }
    }

    @Override
    public String targetSystem() {
        return targetSystem;
    }

    @Override
    public ConnectorHealth test() {
        return tasks.ready() ? ConnectorHealth.up("manual tasks for " + ManualTask.appOf(targetSystem))
                : ConnectorHealth.down("still reading the manual tasks");
    }

    @Override
    public ChangeResult apply(AccessCommand command) throws ConnectorException {
        throw ConnectorException.permanent("a manual task needs the command's context (its actionId)", null);
    }

    @Override
    public ChangeResult apply(CommandContext context, AccessCommand command) throws ConnectorException {
        Request request;
        String group;
        if (command instanceof EnsureMembership m) {
            request = Request.GRANT;
            group = m.group();
        } else if (command instanceof RemoveMembership m) {
            request = Request.REVOKE;
            group = m.group();
        } else {
            throw ConnectorException.permanent(targetSystem + " is done by hand: it takes grants and revocations, not "
                    + command.getClass().getSimpleName(), null);
        }
        if (context == null || context.actionId() == null) {
            throw ConnectorException.permanent("a manual task needs the command's actionId", null);
        }
        if (!tasks.ready()) {
            throw ConnectorException.retryable("the manual tasks are still being read at start-up", null);
        }
        ManualTask proposed = TaskTransitions.open(context.actionId(), command.personId(),
                context.agency() == null ? "UNKNOWN" : context.agency(), targetSystem, context.entitlement(), group,
                request, context.step() == null ? request == Request.GRANT ? "ENTITLEMENT_GRANTED"
                        : "ENTITLEMENT_REVOKED" : context.step(), context.causationId(),
                context.correlationId() == null ? "" : context.correlationId(), context.dueAt(),
                ManualTask.appOf(targetSystem), "access-service", tasks.now());
        ManualTask task;
        try {
            task = tasks.open(proposed);
        } catch (TaskStore.StoreException e) {
            throw ConnectorException.retryable("the task could not be recorded: " + e.getMessage(), e);
        }
        String where = "task " + task.taskId() + " in queue " + task.queue()
                + (task.assignee() == null ? "" : ", assigned to " + task.assignee());
        return switch (task.state()) {
            case OPEN, ASSIGNED -> ChangeResult.waitingForHuman(where);
            case DONE -> ChangeResult.alreadySo("task " + task.taskId() + " done by " + task.updatedBy() + " at "
                    + task.completedAt());
            case ERRORED -> throw ConnectorException.permanent("task " + task.taskId() + " was marked errored by "
                    + task.updatedBy() + ": " + task.comment(), null);
        };
    }
}
