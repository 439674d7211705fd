package dev.tenure.equipment.desk;

import dev.tenure.equipment.domain.AssetLookup;
import dev.tenure.equipment.domain.Decision;
import dev.tenure.equipment.domain.DesksideStep;
import dev.tenure.equipment.domain.EquipmentLifecycle;
import dev.tenure.equipment.domain.Item;
import dev.tenure.equipment.domain.ItemState;
import dev.tenure.equipment.domain.PersonEquipment;
import dev.tenure.equipment.messaging.BrokerUnavailableException;
import dev.tenure.equipment.messaging.StepOutcomes;
import dev.tenure.equipment.messaging.StepPublisher;
import dev.tenure.equipment.streams.StateUnavailableException;
import dev.tenure.equipment.streams.EquipmentState;
import dev.tenure.equipment.streams.StepOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Records deskside steps: checks each against the current state with the same rules the topology applies (so a bad
 * step is refused at once, with the reason, and nothing is published), then publishes it to
 * {@code equipment-deskside-steps} and waits for the topology's outcome. The topology checks again: a step that
 * raced another one for the same item is refused there and the caller hears so.
 */
@ApplicationScoped
public class DesksideSteps {

    static final int MAX_TEXT = 200;
    static final int MAX_NOTE = 1000;

    @Inject
    EquipmentLifecycle rules;

    @Inject
    EquipmentState state;

    @Inject
    StepPublisher publisher;

    @Inject
    StepOutcomes outcomes;

    @Inject
    Clock clock;

    @ConfigProperty(name = "tenure.equipment.step-timeout", defaultValue = "10s")
    Duration stepTimeout;

    @ConfigProperty(name = "tenure.equipment.bulk-limit", defaultValue = "500")
    int bulkLimit;

    public RecordedStep record(StepRequest request, String actor) throws StepRefusedException,
            StateUnavailableException, BrokerUnavailableException, StepTimeoutException {
        String correlationId = UUID.randomUUID().toString();
        Working working = new Working();
        DesksideStep step = check(request, actor, correlationId, working);
        return publishAndAwait(List.of(step)).get(0);
    }

    /**
     * Checks every step first, each against the state as the steps before it leave it; if any cannot be recorded,
     * none is published. Otherwise all are published (one correlation id) and their outcomes awaited.
     */
    public List<RecordedStep> recordAll(List<StepRequest> requests, String actor) throws BulkRefusedException,
            StepRefusedException, StateUnavailableException, BrokerUnavailableException, StepTimeoutException {
        if (requests == null || requests.isEmpty()) {
            throw new StepRefusedException(422, "invalid-request", "steps: give at least one step");
        }
        if (requests.size() > bulkLimit) {
            throw new StepRefusedException(422, "invalid-request", "steps: at most " + bulkLimit
                    + " steps per bulk update, not " + requests.size());
        }
        String correlationId = UUID.randomUUID().toString();
        Working working = new Working();
        List<DesksideStep> steps = new ArrayList<>();
        List<BulkRefusedException.Row> refused = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            try {
                steps.add(check(requests.get(i), actor, correlationId, working));
            } catch (StepRefusedException e) {
                refused.add(new BulkRefusedException.Row(i, e));
            }
        }
        if (!refused.isEmpty()) {
            throw new BulkRefusedException(refused);
        }
        return publishAndAwait(steps);
    }

    /** The step the request asks for, checked against the working state (which it then updates). */
    private DesksideStep check(StepRequest request, String actor, String correlationId, Working working)
            throws StepRefusedException, StateUnavailableException {
        if (request == null) {
            throw invalid("the step is empty");
        }
        ItemState target = target(request.step());
        String assetTag = text(request.assetTag(), "assetTag", MAX_TEXT);
        String serial = text(request.serialNumber(), "serialNumber", MAX_TEXT);
        String note = text(request.note(), "note", MAX_NOTE);
        String personId = text(request.personId(), "personId", MAX_TEXT);
        String itemId = text(request.itemId(), "itemId", MAX_TEXT);
        if (itemId != null && personId == null) {
            throw invalid("personId: required with itemId");
        }
        if (itemId == null) {
            if (assetTag == null) {
                throw invalid("itemId: name the item by personId and itemId, or by the assetTag it carries");
            }
            Optional<AssetLookup.AssetHolder> holder = working.holderOf(assetTag);
            if (holder.isEmpty()) {
                throw new StepRefusedException(404, "unknown-asset", "no item in use carries asset tag " + assetTag
                        + (target == ItemState.ASSIGNED || target == ItemState.PREPARED
                        ? "; to assign a new asset, name the item by personId and itemId" : ""));
            }
            if (personId != null && !personId.equals(holder.get().personId())) {
                throw new StepRefusedException(409, "asset-mismatch", "asset tag " + assetTag + " is on an item of "
                        + "another person, not " + personId);
            }
            personId = holder.get().personId();
            itemId = holder.get().itemId();
        }
        PersonEquipment person = working.person(personId);
        DesksideStep step = new DesksideStep(UUID.randomUUID().toString(), personId, itemId, target, assetTag, serial,
                note, actor, correlationId, clock.instant());
        Decision decision;
        try {
            decision = rules.onStep(person, step, working);
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof StateUnavailableException unavailable) {
                throw unavailable;
            }
            throw e;
        }
        if (decision.isRejected()) {
            throw StepRefusedException.of(decision.rejection().get());
        }
        working.people.put(personId, decision.person());
        return step;
    }

    private List<RecordedStep> publishAndAwait(List<DesksideStep> steps) throws BrokerUnavailableException,
            StepTimeoutException {
        List<CompletableFuture<StepOutcome>> waits = new ArrayList<>();
        steps.forEach(step -> waits.add(outcomes.expect(step.stepId())));
        try {
            publisher.publish(steps);
            CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new))
                    .get(stepTimeout.toMillis(), TimeUnit.MILLISECONDS);
            List<RecordedStep> recorded = new ArrayList<>();
            for (int i = 0; i < steps.size(); i++) {
                recorded.add(new RecordedStep(steps.get(i), waits.get(i).join()));
            }
            return recorded;
        } catch (TimeoutException e) {
            throw new StepTimeoutException("submitted, but not applied within " + stepTimeout.toSeconds()
                    + " s; it may still be: look at the person's equipment before submitting it again (step ids "
                    + steps.stream().map(DesksideStep::stepId).toList() + ")");
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StepTimeoutException("interrupted while waiting for the step to be applied");
        } finally {
            steps.forEach(step -> outcomes.forget(step.stepId()));
        }
    }

    private static ItemState target(String step) throws StepRefusedException {
        if (step == null || step.isBlank()) {
            throw invalid("step: required, one of " + DesksideStep.RECORDABLE);
        }
        try {
            ItemState target = ItemState.valueOf(step.strip().toUpperCase(Locale.ROOT));
            if (!DesksideStep.RECORDABLE.contains(target)) {
                throw new StepRefusedException(422, "not-a-deskside-step", "step: " + target
                        + " is set by the service, not recorded by deskside; deskside records "
                        + DesksideStep.RECORDABLE);
            }
            return target;
        } catch (IllegalArgumentException e) {
            throw invalid("step: '" + step + "' is not one of " + DesksideStep.RECORDABLE);
        }
    }

    private static String text(String value, String field, int max) throws StepRefusedException {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.length() > max) {
            throw invalid(field + ": at most " + max + " characters");
        }
        if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            throw invalid(field + ": control characters are not allowed");
        }
        return text;
    }

    private static StepRefusedException invalid(String reason) {
        return new StepRefusedException(422, "invalid-request", reason);
    }

    /** The state as the steps checked so far leave it: read from the stores once per person, then kept here. */
    private final class Working implements AssetLookup {

        private final Map<String, PersonEquipment> people = new HashMap<>();

        PersonEquipment person(String personId) throws StateUnavailableException {
            PersonEquipment known = people.get(personId);
            if (known == null) {
                known = state.person(personId).orElse(PersonEquipment.unknown(personId));
                people.put(personId, known);
            }
            return known;
        }

        @Override
        public Optional<AssetHolder> holderOf(String assetTag) {
            for (PersonEquipment person : people.values()) {
                for (Item item : person.items()) {
                    if (item.hasAsset() && item.assetTag().equalsIgnoreCase(assetTag.strip())
                            && !item.state().isTerminal()) {
                        return Optional.of(new AssetHolder(person.personId(), item.itemId(), item.state()));
                    }
                }
            }
            try {
                Optional<AssetHolder> stored = state.holderOf(assetTag);
                if (stored.isPresent() && people.containsKey(stored.get().personId())) {
                    // that person's items were checked above as this update leaves them: the asset is free there now
                    return Optional.empty();
                }
                return stored;
            } catch (StateUnavailableException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
    }
}
