package dk.servicepuls.embeddedstore;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Timespan;

/** A commit of the store to its file, for a JFR recording: how long it held every command off. */
@Name(StoreCommitEvent.NAME)
@Label("Store commit")
@Category("Servicepuls")
@Description("A commit of the embedded store to its file (MVStore), with the compaction it did first, if any")
final class StoreCommitEvent extends jdk.jfr.Event {

    static final String NAME = "dk.servicepuls.store.Commit";

    @Label("Compacting")
    @Description("Of the commit's time, how long it spent rewriting the live pages of sparse chunks first")
    @Timespan(Timespan.NANOSECONDS)
    long compacting;

    @Label("Moving")
    @Description("Of the commit's time, how long it spent moving chunks forward to shrink the file first")
    @Timespan(Timespan.NANOSECONDS)
    long moving;
}
