package triage.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import triage.app.Config;
import triage.engine.Lint;
import triage.rollout.Etcd;
import triage.rollout.EtcdUnavailable;
import triage.rollout.Publisher;
import triage.rollout.RunbookSet;

import java.io.PrintWriter;
import java.time.Duration;

/**
 * {@code publish}: lint the runbooks and, only if they pass, write them to etcd as one revision
 * for every {@code serve} that follows the same prefix.
 */
@Command(name = "publish",
        description = "Lint the runbooks and, if they pass, publish them through etcd to every instance.")
public final class PublishCommand extends RunbooksCommand {
    @Option(names = "--etcd", paramLabel = "URLS",
            description = "Comma-separated etcd endpoints (default: $TRIAGE_ETCD_ENDPOINTS).")
    String endpoints;

    @Option(names = "--prefix",
            description = "Key prefix (default: $TRIAGE_ETCD_PREFIX or " + Etcd.DEFAULT_PREFIX + ").")
    String prefix;

    @Option(names = "--timeout", paramLabel = "MS", defaultValue = "5000",
            description = "Deadline for the etcd write, in milliseconds (default: 5000).")
    long timeoutMillis;

    @Mixin LintRun lint;

    @Override public Integer call() throws Exception {
        PrintWriter out = out();
        PrintWriter err = err();
        Config config = Config.read(new Config.Flags(sources.rules, sources.knowledge, null, null, true, endpoints, prefix));
        if (config.etcdEndpoints() == null) {
            err.println("triage: no etcd to publish to; set TRIAGE_ETCD_ENDPOINTS or pass --etcd http://127.0.0.1:2379");
            return 2;
        }
        Etcd etcd = Etcd.parse(config.etcdEndpoints(), config.etcdPrefix(), Duration.ofMillis(timeoutMillis));
        Lint.Report report = lint.run(config, config.rules(), config.knowledge());
        if (!report.ok()) {
            report.problems().forEach(err::println);
            err.println("triage: not published: " + report.problems().size() + " problem(s); fix them and run lint");
            return 1;
        }
        RunbookSet set = RunbookSet.read(config.rules(), config.knowledge(), report.revision());
        try {
            Publisher.Published p = Publisher.publish(etcd, set);
            out.println("published revision " + p.revision() + " (" + report.rules() + " rules, " + report.scenarios()
                    + " scenarios, " + p.files() + " files, " + p.bytes() + " bytes) to " + etcd.describe()
                    + " at etcd revision " + p.etcdRevision());
            out.flush();
            return 0;
        } catch (EtcdUnavailable e) {
            err.println("triage: etcd at " + etcd.describe() + " did not take the set (" + e.getMessage() + "); nothing published");
            return 3;
        } catch (IllegalArgumentException e) {
            err.println("triage: " + e.getMessage() + "; nothing published");
            return 2;
        }
    }
}
