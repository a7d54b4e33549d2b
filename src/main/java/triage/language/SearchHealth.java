package triage.language;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Elasticsearch's (and OpenSearch's) own health readouts, read as the seed's check of Elasticsearch
 * reads them (lower-cased text in, before {@link Notation}; linear in the text's length):
 * <ul>
 * <li>the cluster's health document ({@code GET /_cluster/health}: a record with "cluster_name" and a
 *     "status" of red, yellow or green) is the cluster's state, "elasticsearch cluster red", not the
 *     status of a room that PlaceOS reports, and its shard counts, which the status sums up, go;
 * <li>a row of {@code _cat/indices} under its header ("health status index ...") is its index's state:
 *     "red open zone" reads "elasticsearch index zone red".
 * </ul>
 * Red is a word of failure and green one of health; yellow (replicas unassigned) keeps its colour.
 */
final class SearchHealth {
    private SearchHealth() {}

    private static final Pattern CLUSTER_STATUS = Pattern.compile("\"status\"\\s?:\\s?\"(red|yellow|green)\"");
    /** The document's shard counts: its status already sums them up ("unassigned_shards": 0 is no fault). */
    private static final Pattern SHARD_COUNT = Pattern.compile("\"[a-z_]{0,40}shards[a-z_]{0,40}\"\\s?:\\s?\\d{1,9}(?:\\.\\d{1,6})?,?");
    private static final Pattern INDEX_HEADER = Pattern.compile("(?m)^[ \\t]*health[ \\t]+status[ \\t]+index\\b.*$");
    private static final Pattern INDEX_ROW = Pattern.compile("(?m)^[ \\t]*(red|yellow|green)[ \\t]+(?:open|close|closed)[ \\t]+([a-z0-9_.-]{1,80})\\b[^\\n]*$");

    static String rewrite(String lower) {
        String s = lower;
        if (s.contains("\"cluster_name\"") && s.contains("\"status\"")) {
            Matcher status = CLUSTER_STATUS.matcher(s);
            if (status.find()) s = SHARD_COUNT.matcher(status.replaceAll("elasticsearch cluster $1")).replaceAll("");
        }
        if (s.contains("health") && s.contains("index")) {
            Matcher header = INDEX_HEADER.matcher(s);
            if (header.find()) {
                String rows = s.substring(header.end());
                s = s.substring(0, header.start()) + INDEX_ROW.matcher(rows).replaceAll("elasticsearch index $2 $1,");
            }
        }
        return s;
    }
}
