package triage.language.similar;

/**
 * Where a clause's nearest example counts. At or above {@code accept} the clause is read as that
 * example's symptom; from {@code ask} up to {@code accept} it is only a maybe, worth a question;
 * below {@code ask} it stays unrecognized. {@code apart} is how close (cosine) two different
 * symptoms' examples may sit before lint calls them ambiguous.
 *
 * <p>{@code accept} is fitted on the development sets (eval/dev, dev3, dev4: 0.55 read the most
 * cases right, 0.45 to 0.65 in steps of 0.05) and checked on the validation set (eval/dev2);
 * {@code ask} and {@code apart} were calibrated on the shipped knowledge (see README, "Reading by example"): each example
 * against the other symptoms' examples, leaving itself out, and off-topic sentences that must
 * stay unread.
 */
public record Thresholds(double accept, double ask, double apart) {
    public static final Thresholds DEFAULT = new Thresholds(0.55, 0.45, 0.80);

    public Thresholds {
        if (!(ask > 0 && ask <= accept && accept <= 1)) {
            throw new IllegalArgumentException("need 0 < ask <= accept <= 1, got ask " + ask + ", accept " + accept);
        }
        if (!(apart > 0 && apart <= 1)) throw new IllegalArgumentException("apart must be in (0, 1], got " + apart);
    }
}
