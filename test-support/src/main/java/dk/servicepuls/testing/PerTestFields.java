package dk.servicepuls.testing;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Deque;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Fills the {@link PerTest} fields of a {@link ServiceIntegrationTest} before each test and closes them after it,
 * and resolves {@link ServiceUnderTest} parameters: the set-up every integration test class used to repeat (port,
 * broker, a fresh department and case, recorders to close).
 */
public final class PerTestFields implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PerTestFields.class);

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        Object test = context.getRequiredTestInstance();
        Deque<AutoCloseable> made = new ArrayDeque<>();
        context.getStore(NAMESPACE).put("made", made);
        ServiceUnderTest service = service(context);
        for (Class<?> type = test.getClass(); type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (field.isAnnotationPresent(PerTest.class)) {
                    Object helper = make(field, service);
                    field.setAccessible(true);
                    field.set(test, helper);
                    if (helper instanceof AutoCloseable closeable) {
                        made.push(closeable);
                    }
                }
            }
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        @SuppressWarnings("unchecked")
        Deque<AutoCloseable> made = context.getStore(NAMESPACE).remove("made", Deque.class);
        Exception first = null;
        while (made != null && !made.isEmpty()) {
            try {
                made.pop().close();
            }
            catch (Exception e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ServiceUnderTest.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return service(context);
    }

    private static ServiceUnderTest service(ExtensionContext context) {
        ApplicationContext spring = SpringExtension.getApplicationContext(context);
        Environment environment = spring.getEnvironment();
        Integer port = environment.getProperty("local.server.port", Integer.class);
        // the context's own broker: spring.kafka.bootstrap-servers is a system property, which the last context
        // started with another configuration has overwritten
        EmbeddedKafkaBroker broker = spring.getBeanProvider(EmbeddedKafkaBroker.class).getIfAvailable();
        String brokers = broker != null ? broker.getBrokersAsString() : environment.getProperty("spring.kafka.bootstrap-servers");
        if (port == null || brokers == null) {
            throw new ParameterResolutionException("The context has no server port or broker: is the class a @ServiceIntegrationTest?");
        }
        return new ServiceUnderTest(port, brokers, environment);
    }

    private static Object make(Field field, ServiceUnderTest service) throws ReflectiveOperationException {
        if (Modifier.isStatic(field.getModifiers()) || Modifier.isFinal(field.getModifiers())) {
            throw new IllegalStateException("@PerTest field " + field.getName() + " must be neither static nor final");
        }
        Constructor<?> constructor = field.getType().getDeclaredConstructor(ServiceUnderTest.class);
        constructor.setAccessible(true);
        return constructor.newInstance(service);
    }
}
