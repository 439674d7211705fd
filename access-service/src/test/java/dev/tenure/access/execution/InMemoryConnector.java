package dev.tenure.access.execution;

import dev.tenure.access.connector.AccessCommand;
import dev.tenure.access.connector.AccessCommand.DeleteAccount;
import dev.tenure.access.connector.AccessCommand.EndSessions;
import dev.tenure.access.connector.AccessCommand.EnsureAccount;
import dev.tenure.access.connector.AccessCommand.EnsureMembership;
import dev.tenure.access.connector.AccessCommand.RemoveMembership;
import dev.tenure.access.connector.AccessCommand.RevokeMfa;
import dev.tenure.access.connector.AccessCommand.SetAccountEnabled;
import dev.tenure.access.connector.ChangeResult;
import dev.tenure.access.connector.Connector;
import dev.tenure.access.connector.ConnectorException;
import dev.tenure.access.connector.ConnectorHealth;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A unit-test stand-in for a target system: idempotent like the real connectors (a repeated command is
 * {@link ChangeResult#alreadySo}), with failures scripted per person. Never used where a test claims an integration.
 */
final class InMemoryConnector implements Connector {

    private final String target;
    private final Map<String, Boolean> accounts = new HashMap<>();
    private final Map<String, Set<String>> memberships = new HashMap<>();
    private final Map<String, Deque<ConnectorException>> failures = new HashMap<>();
    private final Set<String> alwaysFailing = new HashSet<>();
    /** Every attempt, in order: "personId operation". */
    final List<String> attempts = new ArrayList<>();

    InMemoryConnector(String target) {
        this.target = target;
    }

    /** The next attempts for {@code personId} fail with these, in order. */
    InMemoryConnector failNext(String personId, ConnectorException... next) {
        Deque<ConnectorException> queue = failures.computeIfAbsent(personId, p -> new ArrayDeque<>());
        for (ConnectorException e : next) {
            queue.addLast(e);
        }
        return this;
    }

    /** Every attempt for {@code personId} fails, retryably. */
    InMemoryConnector unreachableFor(String personId) {
        alwaysFailing.add(personId);
        return this;
    }

    boolean enabled(String personId) {
        return Boolean.TRUE.equals(accounts.get(personId));
    }

    @Override
    public String targetSystem() {
        return target;
    }

    @Override
    public ConnectorHealth test() {
        return ConnectorHealth.up("in memory");
    }

    @Override
    public ChangeResult apply(AccessCommand command) throws ConnectorException {
        String person = command.personId();
        attempts.add(person + " " + command.getClass().getSimpleName());
        if (alwaysFailing.contains(person)) {
            throw ConnectorException.retryable("connection refused", null);
        }
        Deque<ConnectorException> scripted = failures.get(person);
        if (scripted != null && !scripted.isEmpty()) {
            throw scripted.removeFirst();
        }
        if (command instanceof EnsureAccount c) {
            Boolean before = accounts.put(person, c.enabled());
            return before != null && before == c.enabled() ? ChangeResult.alreadySo(person) : ChangeResult.changed(person);
        } else if (command instanceof SetAccountEnabled c) {
            if (!accounts.containsKey(person)) {
                throw ConnectorException.permanent("no account for " + person, null);
            }
            Boolean before = accounts.put(person, c.enabled());
            return before == c.enabled() ? ChangeResult.alreadySo(person) : ChangeResult.changed(person);
        } else if (command instanceof EnsureMembership c) {
            return memberships.computeIfAbsent(person, p -> new HashSet<>()).add(c.group())
                    ? ChangeResult.changed(c.group()) : ChangeResult.alreadySo(c.group());
        } else if (command instanceof RemoveMembership c) {
            return memberships.getOrDefault(person, new HashSet<>()).remove(c.group())
                    ? ChangeResult.changed(c.group()) : ChangeResult.alreadySo(c.group());
        } else if (command instanceof DeleteAccount) {
            return accounts.remove(person) != null ? ChangeResult.changed(person) : ChangeResult.alreadySo(person);
        } else if (command instanceof RevokeMfa || command instanceof EndSessions) {
            return ChangeResult.alreadySo(person); // nothing enrolled, nobody signed in: in memory there is no one
        }
        throw ConnectorException.permanent("unknown command", null);
    }
}
