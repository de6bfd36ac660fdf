package dk.servicepuls.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.bson.BsonValue;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Every command the service under test sends its store, with its collection and the thread that sent it: how a test
 * shows what a batch costs. {@code @Import(StoreCommands.Recording.class)} and autowire {@link StoreCommands}.
 */
public final class StoreCommands implements CommandListener {

    /** One command: its name ({@code find}, {@code insert}, …), its collection and the sending thread. */
    public record Command(String name, String collection, String thread) {
    }

    private final List<Command> commands = new CopyOnWriteArrayList<>();

    @Override
    public void commandStarted(CommandStartedEvent event) {
        BsonValue collection = event.getCommand().get(event.getCommandName());
        commands.add(new Command(event.getCommandName(),
                collection != null && collection.isString() ? collection.asString().getValue() : "",
                Thread.currentThread().getName()));
    }

    /** Runs the work on {@code thread} and returns the commands that thread sent meanwhile. */
    public List<Command> sentBy(ExecutorService thread, Runnable work) throws Exception {
        String name = thread.submit(() -> Thread.currentThread().getName()).get();
        int before = commands.size();
        thread.submit(work).get(60, TimeUnit.SECONDS);
        return sentSince(before, name);
    }

    /**
     * Runs the work on {@code thread} and returns what every thread sent meanwhile (relays and schedulers too, so a
     * test picks by {@link Command#thread}).
     */
    public List<Command> sentDuring(ExecutorService thread, Runnable work) throws Exception {
        int before = commands.size();
        thread.submit(work).get(60, TimeUnit.SECONDS);
        List<Command> snapshot = List.copyOf(commands);
        return snapshot.subList(before, snapshot.size());
    }

    /** Runs the work on this thread and returns the commands it sent meanwhile. */
    public List<Command> sentBy(Runnable work) {
        String name = Thread.currentThread().getName();
        int before = commands.size();
        work.run();
        return sentSince(before, name);
    }

    private List<Command> sentSince(int before, String thread) {
        // other threads (relays, schedulers) keep adding: a sublist of the live list would fail on their writes
        List<Command> snapshot = List.copyOf(commands);
        return snapshot.subList(before, snapshot.size()).stream().filter(command -> command.thread().equals(thread))
                .toList();
    }

    /** How many of the commands are {@code name} on {@code collection}. */
    public static long count(List<Command> commands, String name, String collection) {
        return commands.stream().filter(command -> command.name().equals(name) && command.collection().equals(collection))
                .count();
    }

    /** Adds the recorder to the service's MongoDB client. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Recording {

        @Bean
        StoreCommands storeCommands() {
            return new StoreCommands();
        }

        @Bean
        MongoClientSettingsBuilderCustomizer recordStoreCommands(StoreCommands commands) {
            return settings -> settings.addCommandListener(commands);
        }
    }
}
