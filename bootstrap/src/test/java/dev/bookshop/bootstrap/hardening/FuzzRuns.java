package dev.bookshop.bootstrap.hardening;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Turns the fuzz properties' fixed CI run into a longer one on request: {@code -Dbookshop.fuzz.tries=N} runs N tries
 * from a random seed (printed by jqwik when a try fails), {@code -Dbookshop.fuzz.seed=S} replays seed S.
 */
public final class FuzzRuns implements AroundPropertyHook {

    static final String TRIES = "bookshop.fuzz.tries";
    static final String SEED = "bookshop.fuzz.seed";

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        String tries = System.getProperty(TRIES);
        String seed = System.getProperty(SEED);
        if (tries != null && !tries.isBlank()) {
            context.attributes().setTries(Integer.parseInt(tries.strip()));
            // An empty seed is jqwik's "choose one at random".
            context.attributes().setSeed(seed == null ? "" : seed.strip());
        } else if (seed != null && !seed.isBlank()) {
            context.attributes().setSeed(seed.strip());
        }
        if (tries != null || seed != null) {
            // jqwik reports the seed only when a try fails; a long run says up front what it runs.
            System.out.println(context.extendedLabel() + ": "
                    + context.attributes().tries().orElse(null) + " tries, seed "
                    + context.attributes().seed().filter(s -> !s.isEmpty()).orElse("random"));
        }
        return property.execute();
    }
}
