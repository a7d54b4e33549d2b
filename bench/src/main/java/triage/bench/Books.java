package triage.bench;

import triage.engine.LiveRulebook;
import triage.engine.RulebookCache;
import triage.engine.RulebookCompiler;
import triage.engine.RulebookException;

import java.nio.file.Path;

/** Opens a directory holding rules/ and knowledge/ as serve does, without the compiled-rules cache. */
final class Books {
    private Books() {}

    static LiveRulebook open(Path dir) throws RulebookException {
        return LiveRulebook.open(new LiveRulebook.Source(dir.resolve("rules"), dir.resolve("knowledge"), "files"),
                new RulebookCompiler(RulebookCache.off()));
    }
}
