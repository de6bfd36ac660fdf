package dk.servicepuls.simulator.publish;

import dk.servicepuls.simulator.SimulatedEvent;
import java.util.List;

/** Somewhere to send events to; {@link #send} returns once the platform has answered for every one of them. */
public interface EventSink extends AutoCloseable {

    /** Sends the events in their order; throws when the platform cannot be reached or refuses the request as a whole. */
    Delivery send(List<SimulatedEvent> events);

    @Override
    void close();
}
