package io.clientele.clients.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import io.clientele.clients.Segments;
import io.clientele.shared.lists.ListNames;
import org.springframework.stereotype.Component;

/** The segments a client list's rows hold, by label. */
@Component
class SegmentNames implements ListNames {

	private final Segments segments;

	SegmentNames(Segments segments) {
		this.segments = segments;
	}

	@Override
	public String column() {
		return "segments";
	}

	@Override
	public Map<Long, String> names(Collection<Long> ids) {
		Map<Long, String> names = new LinkedHashMap<>();
		segments.byId(ids).forEach((id, segment) -> names.put(id, segment.label()));
		return names;
	}

}
