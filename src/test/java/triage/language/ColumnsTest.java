package triage.language;

import org.junit.jupiter.api.Test;
import triage.Fixtures;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A table of measures over time reads as the way each column went; a crontab's line as a job and its hour. */
class ColumnsTest {
    private final Interpreter in = Fixtures.shipped().interpreter();

    @Test
    void each_column_reads_as_the_way_it_went() {
        String table = "time   heap_mb  req/s  db_conns\n"
                + "07:00  400      55     5/40\n"
                + "11:00  900      57     6/40\n"
                + "15:00  1500     52     5/40\n"
                + "18:10  2100     54     6/40   <- restarted\n";
        assertEquals("heap mb climbing steadily, req/s flat, db conns flat\nrestarted\n", Columns.rewrite(table));
        assertEquals("connection-pool-exhausted- load-above-normal- memory-growing+", Shown.readings(in, table));
    }

    @Test
    void a_pool_at_its_maximum_in_the_last_row_is_full() {
        String table = "time pool_used rps\n10:00 20/60 300\n10:05 45/60 310\n10:10 60/60 305\n";
        assertEquals("pool used full, rps flat\n", Columns.rewrite(table));
    }

    @Test
    void a_pool_counted_from_none_is_a_count_too() {
        // its first share is nothing: still a count against the maximum, full at it in the last row
        assertEquals("db pool full, rps flat\n", Columns.rewrite("time db_pool rps\n09:00 0/40 200\n09:10 25/40 210\n09:20 40/40 205\n"));
    }

    @Test
    void what_rises_and_falls_with_the_jobs_goes_up_while_they_run() {
        String table = "time   p95_ms  cpu   batch_jobs  rps\n"
                + "13:55  150     30%   0           400\n"
                + "14:00  3900    96%   4 (ledger export)  420\n"
                + "14:20  5200    97%   4           410\n"
                + "14:40  160     33%   0           415\n";
        assertEquals("p95 ms goes up while the jobs run, cpu goes up while the jobs run, rps flat\nledger export\n", Columns.rewrite(table));
        assertEquals(true, Shown.readings(in, table).contains("background-jobs-at-peak+"));
    }

    @Test
    void prose_and_short_tables_stay_as_written() {
        // a line of plain words is no header; two rows are no trend
        String prose = "we checked the graphs\n09:00 120 4\n10:00 400 4\n11:00 900 5\n";
        assertEquals(prose, Columns.rewrite(prose));
        String two = "time rss_mb rps\n09:00 100 4\n10:00 900 4\n";
        assertEquals(two, Columns.rewrite(two));
    }

    @Test
    void a_crontab_line_is_a_job_and_its_hour_not_its_commands_words() {
        assertEquals("cron job runs in the 12:00 hour \ncron job runs in the 03:00 hour # nightly",
                Commands.rewrite("30 12 * * * /srv/bin/rebuild_search.sh --all\n0 3 * * 1-5 /srv/bin/vacuum.sh # nightly"));
        assertEquals("background-jobs-at-peak+", Shown.readings(in, "$ crontab -l\n15 11 * * * /srv/bin/rebuild_search.sh"));
    }
}
