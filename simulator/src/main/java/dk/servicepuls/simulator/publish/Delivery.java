package dk.servicepuls.simulator.publish;

/** What the platform answered: events it accepted (a retry of an accepted event counts once) and refused. */
public record Delivery(long accepted, long rejected) {

    public static final Delivery NONE = new Delivery(0, 0);

    public Delivery plus(Delivery other) {
        return new Delivery(accepted + other.accepted, rejected + other.rejected);
    }

    public long total() {
        return accepted + rejected;
    }
}
