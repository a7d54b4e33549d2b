package triage.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import triage.knowledge.RunbookFiles;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;

/**
 * Watches the rules and knowledge directories and reloads, through {@link LiveRulebook#reload},
 * once the files have been quiet for {@code debounce}: an editor's save is several events, and a
 * half-written set must not be compiled. A failed reload leaves the last good set serving.
 */
public final class RulebookWatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RulebookWatcher.class);

    private final LiveRulebook rules;
    private final Duration debounce;
    private final WatchService watch;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "rules-reload");
        t.setDaemon(true);
        return t;
    });
    private final Thread loop;
    private ScheduledFuture<?> pending;

    public RulebookWatcher(LiveRulebook rules, List<Path> dirs, Duration debounce) throws IOException {
        this.rules = rules;
        this.debounce = debounce;
        this.watch = FileSystems.getDefault().newWatchService();
        for (Path dir : dirs) register(dir);
        this.loop = new Thread(this::run, "rules-watch");
        loop.setDaemon(true);
        loop.start();
    }

    private void register(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return;
        try (Stream<Path> s = Files.walk(dir, 3)) {
            for (Path d : s.filter(Files::isDirectory).toList()) d.register(watch, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
        }
    }

    private void run() {
        while (true) {
            WatchKey key;
            try {
                key = watch.take();
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            }
            boolean relevant = false;
            for (var event : key.pollEvents()) {
                Object ctx = event.context();
                Path changed = ctx instanceof Path p ? ((Path) key.watchable()).resolve(p) : null;
                if (changed == null) continue;
                String name = changed.getFileName().toString();
                if (event.kind() == ENTRY_CREATE && Files.isDirectory(changed)) {
                    try {
                        register(changed);
                    } catch (IOException e) {
                        log.warn("cannot watch {}: {}", changed, e.getMessage());
                    }
                }
                if (RunbookFiles.isRunbookFile(changed) || Files.isDirectory(changed)) {
                    relevant = true;
                }
            }
            key.reset();
            if (relevant) schedule();
        }
    }

    private synchronized void schedule() {
        if (pending != null) pending.cancel(false);
        pending = timer.schedule(() -> { rules.reload(); }, debounce.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override public void close() {
        try {
            watch.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        timer.shutdownNow();
        loop.interrupt();
    }
}
