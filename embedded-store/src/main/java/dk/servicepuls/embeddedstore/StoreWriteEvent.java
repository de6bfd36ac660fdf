package dk.servicepuls.embeddedstore;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;

/**
 * A write command the store ran, for a JFR recording: which collection, what kind, how many documents it carried,
 * and how long it took, its commit included. Names only, never values. The benchmark's profile of a missed target
 * counts them per collection, which says what each accepted event costs the store.
 */
@Name(StoreWriteEvent.NAME)
@Label("Store write")
@Category("Servicepuls")
@Description("A write command of the embedded store: collection, command and documents, with its commit")
final class StoreWriteEvent extends jdk.jfr.Event {

    static final String NAME = "dk.servicepuls.store.Write";

    @Label("Database")
    String database;

    @Label("Collection")
    String collection;

    @Label("Command")
    String command;

    @Label("Documents")
    int documents;
}
