package triage.bench;

import triage.engine.LiveRulebook;
import triage.engine.RulebookCache;
import triage.engine.RulebookCompiler;
import triage.engine.RulebookException;

import java.nio.file.Path;

/**
 * Opens a directory holding rules/ and knowledge/ as serve does, with the compiled-rules cache in
 * {@code $TRIAGE_CACHE} when the harness sets it (the reload section: an unchanged set loads from
 * it), else none.
 */
final class Books {
    private Books() {}

    static LiveRulebook open(Path dir) throws RulebookException {
        String cache = System.getenv("TRIAGE_CACHE");
        return LiveRulebook.open(new LiveRulebook.Source(dir.resolve("rules"), dir.resolve("knowledge"), "files"),
                new RulebookCompiler(cache == null || cache.equals("off") ? RulebookCache.off() : RulebookCache.in(Path.of(cache))));
    }
}
