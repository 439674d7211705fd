package dev.tenure.access.planning;

import java.util.ArrayList;
import java.util.List;

/**
 * The order in which the changes of many people falling due at once go to the executor: first every person's account
 * disable that leads their list, then everything else, person by person. A thousand leavers with the same cut-off
 * thus lose their sign-in within the first thousand changes instead of behind each other's group clean-up, while each
 * person's own changes keep their order (only a leading run of disables is brought forward, so nothing of a person
 * overtakes anything that was before it). The identity provider's MFA revocation and logout are part of cutting the
 * sign-in and belong to that leading run.
 */
public final class DisablesFirst {

    private DisablesFirst() {
    }

    /** @param perPerson each person's due changes, in the order the planner made them */
    public static List<Execution> order(List<List<Execution>> perPerson) {
        List<Execution> disables = new ArrayList<>();
        List<Execution> rest = new ArrayList<>();
        for (List<Execution> changes : perPerson) {
            int leading = 0;
            while (leading < changes.size() && cutsSignIn(changes.get(leading).step())) {
                leading++;
            }
            disables.addAll(changes.subList(0, leading));
            rest.addAll(changes.subList(leading, changes.size()));
        }
        disables.addAll(rest);
        return disables;
    }

    private static boolean cutsSignIn(Execution.Step step) {
        return step == Execution.Step.ACCOUNT_DISABLED || step == Execution.Step.MFA_REVOKED
                || step == Execution.Step.SESSIONS_REVOKED;
    }
}
