package triage.engine;

import org.drools.base.rule.EntryPointId;
import org.drools.core.common.ObjectTypeConfigurationRegistry;
import org.drools.core.impl.InternalRuleBase;
import org.kie.api.KieBase;
import triage.model.Evidence;
import triage.model.Observation;

import java.util.List;

/**
 * Turns on Drools' truth maintenance for the fact types runbooks insert logically, once, before a
 * rule base serves any session.
 *
 * <p>Drools turns it on per type at the first {@code insertLogical} of that type, and the switch
 * lives in the rule base, shared by every session; only the inserting session's own facts get
 * the equality keys it needs. A session that had inserted facts of that type before the switch
 * then fails on its next update or delete of one of them (a {@code NullPointerException} on a
 * missing {@code EqualityKey}). Concurrent requests on a new rule base did exactly that. With
 * the switch on from the start every fact gets its key when inserted; later it is what any rule
 * base reaches after its first inference anyway.
 */
final class TruthMaintenance {
    /** One of each type rules insert logically: Drools keys its per-type switch by an instance's class. */
    private static final List<Object> LOGICAL_TYPES = List.of(
            Observation.inferred("-", true), Evidence.suspect("-", 1.0));

    /** The simple names of those types, as a rule's action writes them ({@link ActionCheck} refuses any other). */
    static final List<String> TYPE_NAMES = LOGICAL_TYPES.stream().map(o -> o.getClass().getSimpleName()).toList();

    private TruthMaintenance() {}

    static KieBase onFromTheStart(KieBase base) {
        ObjectTypeConfigurationRegistry types =
                ((InternalRuleBase) base).getRete().getEntryPointNode(EntryPointId.DEFAULT).getTypeConfReg();
        for (Object sample : LOGICAL_TYPES) {
            types.getOrCreateObjectTypeConf(EntryPointId.DEFAULT, sample).enableTMS();
        }
        return base;
    }
}
