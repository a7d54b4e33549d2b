package triage.model;

import java.util.List;

/**
 * What to do once a diagnosis has settled on a cause: the fix and the mitigation, in the
 * project's words, and the seed section they come from.
 *
 * @param component the settled cause
 * @param title the cause's title ("Redis failure")
 * @param steps what to do, the fix first
 * @param source the seed section the steps come from (may be null)
 */
public record Remedy(String component, String title, List<String> steps, String source) {
    public Remedy {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }
}
