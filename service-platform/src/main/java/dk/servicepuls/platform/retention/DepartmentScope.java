package dk.servicepuls.platform.retention;

import java.util.Set;

import org.springframework.data.mongodb.core.query.Criteria;

/**
 * The departments one retention period applies to: one department with a period of its own, or every department but
 * those.
 *
 * @param department the one department, or {@code null} for all but {@code except}
 * @param except     the departments with a period of their own, when {@code department} is {@code null}
 */
public record DepartmentScope(String department, Set<String> except) {

    public DepartmentScope {
        except = except == null ? Set.of() : Set.copyOf(except);
    }

    public static DepartmentScope only(String department) {
        return new DepartmentScope(department, Set.of());
    }

    public static DepartmentScope allBut(Set<String> except) {
        return new DepartmentScope(null, except);
    }

    public boolean includes(String code) {
        return department != null ? department.equals(code) : code != null && !except.contains(code);
    }

    /** The same as a criterion on a document's department field. */
    public Criteria criteria(String field) {
        return department != null ? Criteria.where(field).is(department) : Criteria.where(field).nin(except);
    }
}
