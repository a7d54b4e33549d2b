/**
 * Chat text to observations (the model's {@code Observation}): negation and its scope, typos, word
 * forms, synonyms, several observations a sentence, and short replies ("yes", "nope, still broken")
 * to the question a conversation asked last. A leading yes/no answers that question only when the
 * rest of the message states no other symptom; "not sure", "no idea", "dunno", "skip" answer it
 * with nothing ({@code Interpreter#unsure}); a clause that reports what someone did ("I restarted
 * the pods") is left out of the reading ({@code Actions}).
 *
 * <h2>Rules of reading</h2>
 * <ol>
 * <li><b>Words.</b> Lower-cased, contractions expanded ("can't", "isnt" -> "is not"), stemmed
 *     (Snowball English), folded into concepts by {@code knowledge/lexicon.yaml}, longest first
 *     ("goes up" is growth, "line up" is coinciding, neither is the health word "up"); a synonym written
 *     "=word" folds only that form ("readiness" is a health check, the health word "ready" that shares its
 *     stem is not). Everyday things named like parts of a stack are concepts of their own: a queue of cars
 *     or of print jobs is no request queue, a phone with "no service" no service of ours; an error code
 *     answered ("responded 504") is a failure, no health word "respond"; a call coming back returns, it
 *     does not arrive.
 * <li><b>Notation.</b> Pasted tool output is read as words first ({@code Notation}): a share of at
 *     most 20% is "low", of at least 80% "high", one in between "moderate" (health) when it is the level of a
 *     resource named beside it ("rds cpu 30%", "pool 40% used"; a share of requests or one on its way stays a
 *     number); a percentile of at most 300 ms is "fast" ("p99 120ms"), a duration of a second or more of
 *     something waited on "slow" ("p99 12s", "queries take 20 s"; not a period: "every 30s", nor the baseline another is compared with: "20s instead of 100ms"); "up" before a
 *     factor or a share is a rise ("rps up 2.5x": "increased", never health); a factor of two or more a level far
 *     above its baseline ("hits 15x normal": high, its "normal" the baseline); a zero a value moves from a count
 *     ("0 -> 250k jobs": "nil", no negation); connections in use against
 *     their maximum are a pool "full" at it ("20/20 connections") and "moderate" below it ("3/20"); "0/3" is a failure ("0/1 CrashLoopBackOff" agrees with itself) and "0" a negation ("0 rps"; not a kubectl row's restart count); a
 *     dotted address is "ip", a dotted number "num", a bare host name "hostname" (unless an HTTP client
 *     names it as the host it called, a proxy's upstream or a call or request goes to it, an external API,
 *     or a label names a vendor or a store: "api.stripe.com", "minio.internal"); an API called by name
 *     ("calls the eligibility API") and a method before a full public URL are an external API call; "exceptions" in a class name is a failure, no "except"; an
 *     error's class name is read as its words ("Redis::TimeoutError": timeout error; a client library's
 *     "Driver" and an "Operational" in it say nothing); a host named by its address ("ip-10-0-3-17") is a host;
 *     {@code . ; : ! ?} end a sentence only before a space, so
 *     {@code "message":"no core instances"} is one clause.
 * <li><b>Readouts</b> ({@code Readouts}, before the two above). Numbers laid out by tools are read as
 *     an expert reads them: a metric named in seconds or percent is a duration or a share
 *     ({@code query_duration_seconds p99 0.041} is 41 ms, fast; {@code cpu_percent 9} low), and a
 *     duration under a second written in seconds is its milliseconds ("0.004s"); in a trace the span
 *     that takes a second or more is "slow" (where the time goes: a tree-marked line, or a row with a
 *     duration under a line naming "trace", "span", "p95"), an HTTP call in it to a public host an
 *     external API call, "(no response)" after it a timeout; a pool's count with its maximum in
 *     brackets ("25 (max 25)") is full at it; a process table's row taking 80% of a CPU or more
 *     ({@code top}) is that command hogging the CPU; a time series (a time and a value a line, three
 *     lines or more) that climbs to twice its start reads "climbing steadily", one that reaches ten
 *     times it "increased sharply", said of the line above it (what was measured); {@code uniq -c}
 *     counts of addresses or paths where the first two hold most of the count read "most requests
 *     come from a few sources"; a handful (two to five) of addresses or sessions is few sources, and so are
 *     addresses listed with their shares or their counts of the traffic when the first two hold most of it, and a
 *     top client named with more than half of the requests ({@code Shares}: "top client ip 192.0.2.8 92%"), the rows'
 *     shares then no level of anything; values one after another on a line ("120 -> 980 -> 2400", "96, 180, 311",
 *     "0h 1.1g | 1h 1.6g | 2h 2.2g") that climb to twice where they started read "climbing steadily", to ten times
 *     "increased sharply", and a value "and rising" is one clause ({@code Trends}); a {@code kubectl get pods} row
 *     not running names its deployment's pod by its generated name ("shop-web-6f8d9-4kz2p 0/1 CrashLoopBackOff":
 *     "shop-web pod", a pod of the stack down; {@code Pods}), a StatefulSet's ("redis-0") is its component's;
 *     a value beside its usual level ("hits/s 520 (usual 90)") is that many times normal; a measured value
 *     and a column gap end a field ("rds cpu 22%  s3 p95 35ms"). A code fence ("```") stays a line of its
 *     own, no blank line: a table under it is read whole. A table of measures over time (a header of metric
 *     names, three rows or more opening on a time of day) reads column by column as the way each went:
 *     climbing, flat, a pool full, or going up while a column of jobs rises and falls with it ({@code Columns});
 *     a pool's counts ("48/50 then 50/50") read as the last of their series ({@code PoolCounts}); a memory's
 *     size given twice, the later at least twice the first, is climbing ({@code Trends}).
 *     Elasticsearch's own readouts ({@code SearchHealth}, first): its cluster health document's
 *     {@code "status": "red"} is the cluster's ("elasticsearch cluster red", no room's status), and a
 *     {@code _cat/indices} row under its header its index's ("elasticsearch index zone red").
 * <li><b>Commands</b> ({@code Commands}, before Readouts). A command run inside a container
 *     ({@code kubectl exec ... -- curl}, {@code docker exec}) reaches its service from inside, around the
 *     load balancer: no execute of a module; a log counted ({@code | wc -l}, {@code grep -c}) with its
 *     count on the next line is empty at 0, and holds requests when a grep for a method or a path finds
 *     some; an access log's JSON record reads as its request and answer ("request /auth/signin answered
 *     500"), and an HTTP status written as a field is a code, not a room's status. curl's {@code < }
 *     header lines are one record with the status line above them, and curl -v's request line one with the
 *     status it got back ({@code AccessLogs}). A crontab's line is a job and the hour it runs in, its
 *     command's words unread ("rebuild_search" is no search failing).
 * <li><b>Fields</b> ({@code Fields}). A run of pasted fields ({@code InUse:20 Idle:0 WaitCount:912},
 *     {@code "pool_active":50,"pool_max":50}) is one clause per field, and a field's zero a count of none
 *     ("nil"), no negation of its neighbours; a pipe table's rows (pgbouncer's {@code SHOW POOLS}) are
 *     read as fields named by their columns; in pool statistics, waiters above zero read "clients
 *     waiting" and active at its maximum "pool full".
 * <li><b>Retractions</b> ({@code Retractions}). A message that takes back what came before ("false
 *     alarm", "never mind, it was my own laptop") leaves nothing before it read, nor itself: the bot
 *     stays unsure; a conversation forgets, as after "start over". Its words are the lexicon's
 *     ({@code retractions}), in shapes fixed in the class.
 * <li><b>Names alone</b> ({@code Names}). A text whose every word that says something names a
 *     component ("the database", "db and s3") states nothing of them: no symptom, and it is no puzzle
 *     left to reading by example (whose nearest example would lend it a state never said).
 * <li><b>Typos.</b> A word is corrected only when it is in neither the English word list
 *     ({@link EnglishWords}: SCOWL via Debian's wamerican) nor the knowledge's own vocabulary, into
 *     the closest known word that carries meaning or state (a negation only from six letters
 *     on: "nothng" is "nothing"): "donw" is
 *     "down", "floor" stays "floor". A word ending as an inflection does with no correction of its own is
 *     corrected by its stem, when the stem has five letters or more ("trigers" is "trigger").
 * <li><b>Scope</b> (after NegEx/ConText). A sentence is cut into segments at strong breaks
 *     ({@code . ;}, "but", "however", "except") and segments into clauses at commas, colons, line
 *     breaks, "and", "or" (a colon introduces what its left side says: "every exec: no core instances"
 *     is one fact; no colon before a network error's tail parts anything: "dial tcp 10.0.3.7:2379: connect:
 *     connection refused" says the dial was refused), and at a dash or an opening parenthesis after a negation,
 *     which ends its reach ("not the db (idle)" rules the database out, and its parenthesis is the speaker's
 *     evidence, not negated). A comma inside parentheses lists an aside and parts nothing ("the module
 *     lists (lighting, blinds, the lot) fail to load" is one clause); "and then" is one break, and the
 *     clause a "then" follows takes how the next one says it went ("the page submits and then gets a
 *     500"). A label naming nothing states what it labels, words unread or not ("Not working: login from
 *     outside"), each item of a list after it ("Not working: executing, the live panels, triggers"), but
 *     never against a phrase stating its own fact; an item appended to a clause ("..., the login endpoint
 *     included") is in that clause's state. A phrase that denies its symptom ("core restarted") states
 *     its own fact: no neighbour's negation turns it ("... and never came back" is the same fault). What
 *     is said of how requests went ("a database error for each attempt") says nothing of whether they
 *     came. A code fence parts nothing from the line after it that refers back to the paste. A line of pasted output or of
 *     a list is a clause of its own ({@code Breaks}: "s3 p99 120ms" lends no "fast" to the next line),
 *     except the lines of one record: a command line with the first line of its output, a line of
 *     fields ("server: nginx") or one that opens on "that"/"this" with the line above it. A negation, a failure word or a health word reaches only the clause it is in: it never
 *     crosses a comma or "but" ("nothing reaches the services, api logs are silent" reads two
 *     clauses), except after an opening subordinate clause or a look ("we checked etcd, it's healthy": the look
 *     states nothing and says what the next clause is about) ("when I open the systems tab, the list
 *     stays blank"), which states nothing itself and says what the next clause is about. A clause
 *     that is only a bare noun phrase ("login and search fail") shares its
 *     neighbour's predicate, when that neighbour names the same kind of symptom (working, or a
 *     fault) or names nothing but how things went ("and both fail"): "lists ok, every other module
 *     executes" lends no "ok"; one whose phrase holds a verb of arriving ({@code arrivals} in the
 *     lexicon: "requests reach the api") states its own fact, and a clause after it that only says
 *     how things went is about its subject ("logins arrive at the api and fail": login fails, the
 *     requests did arrive; {@code Sequels}: an arrival no phrase took counts too, "every login POST
 *     arriving and failing"), while a name beside the arriving with no word of state is only what
 *     arrives ("the sign-in requests are arriving" says nothing of login); so does one whose phrase holds a word of level ({@code levels}: "grows", "high",
 *     "slow") or a count: "db cpu fine, hpa at max" lends the autoscaler no "fine", "cpu 31%, only 2 web pods" the pods no "31%"; after "except" a clause
 *     without cues takes the opposite of what came before ("only the ones that" singles out such an exception;
 *     what came before is health when its last reading denied a fault, "not every view is slow", or it only
 *     denied something it read as nothing, "not every view,").
 * <li><b>Faults named after a negation</b> ({@code Coordination}). "no redis problems" is Redis without
 *     them: the negation reaches over the name (one to three words) to the noun of fault, which reads
 *     "fine", not Redis failing, nor "no core errors" the error "no core instances"; shared by two names
 *     joined by "or" ("no etcd or core errors") it is said of each.
 * <li><b>Run-ons</b> ({@code RunOns}). Clauses typed without their commas ("redis fine etcd down", "login
 *     broken requests arriving at the api") part after a state people put after a name ("fine", "ok", "broken",
 *     "dead", "down"...) that stands between two words that say something; one after a stopword or a
 *     number ("the broken login page", "2 down nodes") qualifies what follows and parts nothing, as
 *     do a record's fields ("pool full clients waiting") and a state said of a place or a way ("api pods fine
 *     from inside the cluster").
 * <li><b>Quantifiers</b> ({@code Quantifiers}). "all" before the name of something picks out its
 *     members, as "every" and "each" do ("probes fail on all our api pods" is no whole backend down);
 *     before a state or standing alone ("all down", "it is all broken") it is everything, unless it floated
 *     off the subject before it ("the zone and user lists all come up empty": those lists, not everything).
 * <li><b>Suspects ruled out</b> ({@code Eliminations}). A clause that opens with "not" and only
 *     names something ("not etcd", "it's not the load balancer either") says that thing is not
 *     the trouble: its "not" is a word of health, not a negation of the fact. It ends at the clause's
 *     end: a colon, a dash or a line break ("not etcd - its members are healthy") does not carry it on.
 * <li><b>Phrases.</b> Every symptom phrase looks for the smallest window holding all its terms,
 *     inside one clause, or across one "and"/"or" (never a comma); gaps of up to four words that
 *     say something are allowed, stopwords do not count. Phrases with more words win; a word serves
 *     one phrase, but a word of state a phrase names by its class ({@code @fail}) is shared by the
 *     phrases it ends ("redis and etcd are down"), unless a phrase denying its symptom took it as its
 *     own ("the modules list on every system is empty" is not also everything failing); a phrase naming
 *     a symptom with no cue of its own inside a denial's window takes the denial's word of state after
 *     it ("backoffice search empty": the search is empty too). Negation words written into a phrase ("no core instances", "not enough workers")
 *     are the phrase's own and do not turn it again (pseudo-triggers in NegEx's terms).
 * <li><b>Negation of a state word</b> ({@code StateNegation}, NegEx's pre-negation). A negation
 *     whose next word that says something (stopwords between, at most four words on) is a failure
 *     or health word turns that word and is spent on it: "not working" is a failure, "nothing is
 *     broken" health, and neither turns the fact again. Any other negation is the fact's ("no
 *     functions", "nobody can log in"); for something working it agrees with a failure word
 *     ("the modules panel is blank with no functions" is one denial). A phrase that denies its
 *     symptom ("modules blank") is turned only by a negation before its end.
 * <li><b>Ceasing and manner.</b> A word of ceasing turns the health word after it ("stopped responding"
 *     is one failure); a health word followed by "slowly" says how, not that it is fine ("responding very
 *     slowly"), and so does one right after a word of slowness or of growth ("slow to respond", "takes forever
 *     to answer", "growing fast"). After "except", a clause without cues is the exception to what came before: a failure
 *     after health (a fault named there is present), health after failure.
 * <li><b>States alone.</b> A text that only says how things are ("it's down") names nothing: no
 *     symptom, and no puzzle for reading by example.
 * <li><b>One decision per fact.</b> A phrase that denies its symptom ("locked out", "workers keep
 *     up") is turned only by a negation; a state word beside it agrees with it and does not flip it
 *     a second time ("workers are processing fine" is one denial). A phrase that names its symptom
 *     takes the clause's state (a phrase that only names a symptom, with no cue of its own, gives way
 *     to one in its segment that says which way it goes: "the resolver answers SERVFAIL" is one denial,
 *     "can't find any zones or systems when I search" one failure of search);
 *     an odd number of negations turns it; a failure word makes a symptom
 *     of something working absent; a health word ("fine", "up", "low") makes a fault absent ("db
 *     cpu is low" is database CPU normal). A fault named with no other cue in the sentence makes a
 *     working-symptom named with no cue of its own absent, whether its phrase names it or denies it ("executing X, response says no core
 *     instances": execute fails, with that error).
 * <li><b>Several facts in one clause</b> ({@code NearestCues}). When a clause holds two phrases or
 *     more, each cue goes to the phrase nearest to it (a tie sends a negation forward and a word of
 *     state back): "triggers not running websocket down" is two failures, not two double flips. A
 *     phrase no cue is nearest to shares a neighbour's cues when only stopwords part them ("redis
 *     etcd core all down"), else it has no cue of its own ("pooled connections in use, db cpu low"),
 *     unless its window holds a state word another phrase took ("the db and the queue look normal"),
 *     or a fault is stated right beside it, on either side, by a phrase denying something working:
 *     that fault befell it ("auth 500s", "the login gets no healthy upstream",
 *     "index_not_found_exception on the systems page"). A lone opening "no," answers the question
 *     asked and lends nothing to the clause after it ("no, the login page loads"). A question echoed and
 *     answered in one breath ({@code EchoQuestions}: "heap? yes, it rises every hour", "core pod? it keeps
 *     restarting") is the name joined to its answer; one answered "no" is left alone ("redis? no, the etcd members are down").
 *     A working thing named with no cue, after a fault in the same text, only as where something came from
 *     ("```no core instances``` from an execute in backoffice") says nothing of how it went.
 * <li><b>Cost.</b> Phrases are tried per clause (a long clause in overlapping stretches twice as
 *     long as any window) and within the two clauses an "and"/"or" joins; a window is found from a
 *     per-segment index of where each concept stands ({@code Positions}), so it costs the words its
 *     terms match, and reading is linear in the text's length whatever its shape;
 *     each request has one work {@link Budget} for all its texts ({@link Interpreter.Reading}), after
 *     which the rest is left unread, never guessed.
 * </ol>
 * Nothing is guessed: a text where no phrase matched is returned as unrecognized. The clauses no
 * phrase read ({@link Interpreter#unreadClauses}) are left to reading by example
 * ({@code triage.language.similar}); one that opens on a pronoun is given the words its sentence
 * opened on ("the web pods ... and they never start": "the web pods never start"). An example that
 * names one of the lexicon's {@code subjects} (the database, Redis, an execute) reads only a clause
 * that names it too: "requests hanging" is no reading of "requests wait on the database".
 */
package triage.language;
