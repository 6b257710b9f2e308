package io.clientele.shared.lists;

import java.util.Collection;
import java.util.Map;

/**
 * Names for the ids a list column holds (the responsible user, segments, a deal's stage),
 * looked up once per page. A module that owns the named records declares a bean of this
 * type; {@link ListView} finds it by the column's key.
 */
public interface ListNames {

	/** The key of the column whose values are ids of these records. */
	String column();

	/** The name of each id found; ids without one are left out. */
	Map<Long, String> names(Collection<Long> ids);

}
