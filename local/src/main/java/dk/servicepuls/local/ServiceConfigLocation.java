package dk.servicepuls.local;

import java.net.URL;

/**
 * Finds a service's own application.yml. All four services keep one at the root of their jar, so on one class path
 * {@code classpath:application.yml} would give every service the first of them; the file next to the service's
 * main class is the right one.
 */
final class ServiceConfigLocation {

    private ServiceConfigLocation() {
    }

    static String of(Class<?> application) {
        String classFile = application.getSimpleName() + ".class";
        URL classUrl = application.getResource(classFile);
        if (classUrl == null) {
            throw new IllegalStateException("Cannot locate " + application.getName());
        }
        String url = classUrl.toString();
        String packagePath = application.getPackageName().replace('.', '/') + "/" + classFile;
        if (!url.endsWith(packagePath)) {
            throw new IllegalStateException("Unexpected class location " + url);
        }
        return url.substring(0, url.length() - packagePath.length()) + "application.yml";
    }
}
