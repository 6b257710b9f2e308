package io.clientele.shared.lists;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import io.clientele.shared.lists.ListColumn.SortType;
import io.clientele.shared.RuleViolation;
import tools.jackson.databind.json.JsonMapper;

/**
 * The position after (or before) a row of a sorted list: the row's sort values and id,
 * opaque to the browser. Pages are found by these values, never by an offset, so page
 * 2,000 costs what page 1 costs.
 */
final class KeysetCursor {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private KeysetCursor() {
	}

	static String encode(List<Object> values) {
		List<String> texts = values.stream().map(String::valueOf).toList();
		return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(texts));
	}

	/**
	 * The values typed as the sort expressions compare (so that the database can use its
	 * indexes).
	 */
	static List<Object> decode(String cursor, List<SortType> types) {
		try {
			String[] texts = JSON.readValue(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8),
					String[].class);
			if (texts.length != types.size() + 1) {
				throw new IllegalArgumentException("shape");
			}
			List<Object> values = new ArrayList<>();
			for (int i = 0; i < types.size(); i++) {
				values.add(switch (types.get(i)) {
					case TEXT -> texts[i];
					case DATE -> LocalDate.parse(texts[i]);
					case TIMESTAMP -> OffsetDateTime.parse(texts[i]);
					case NUMBER -> new BigDecimal(texts[i]);
				});
			}
			values.add(Long.parseLong(texts[types.size()]));
			return values;
		}
		catch (RuntimeException ex) {
			throw new RuleViolation("after", "list.cursor-invalid");
		}
	}

}
