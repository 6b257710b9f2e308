package io.clientele.clients.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.clientele.clients.MergeComparison;
import io.clientele.clients.MergePick;
import io.clientele.shared.customfields.CustomField;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A record's editable data as a JSON object (its draft), field by field as a merge offers
 * them: which value of two records the survivor keeps, lists joined without repeats, and
 * how undoing a merge puts back the survivor's old values without undoing what was edited
 * since.
 */
final class MergeFields {

	private MergeFields() {
	}

	/** How a value is shown: as text, as a message key, or as a date to format. */
	enum Format {

		TEXT, KEY, DATE

	}

	/**
	 * A field as the merge page offers it.
	 *
	 * @param key the name of the choice in the form
	 * @param label message key of its label, or the label itself for extra fields
	 * @param paths the draft's properties it covers ({@code custom/12} for an extra
	 * field), taken together from one record (INN, KPP and OGRN belong together)
	 * @param list whether its value is a list whose items can be joined
	 * @param identity for a list, what makes two items the same (a phone's number)
	 * @param display the value's lines in a record's draft, as the page shows them
	 */
	record Field(String key, String label, boolean literalLabel, List<String> paths, boolean list,
			Function<JsonNode, String> identity, Function<ObjectNode, List<String>> display, Format format) {

		static Field scalar(String key, String label, String path, Format format) {
			return new Field(key, label, false, List.of(path), false, JsonNode::toString,
					draft -> MergeFields.lines(draft, List.of(path), MergeFields::text), format);
		}

		/** Several properties shown and taken together, each on its own line. */
		static Field together(String key, String label, List<String> paths) {
			return new Field(key, label, false, paths, false, JsonNode::toString,
					draft -> MergeFields.lines(draft, paths, MergeFields::text), Format.TEXT);
		}

		static Field list(String key, String label, String path, Function<JsonNode, String> identity,
				Function<JsonNode, String> item) {
			return new Field(key, label, false, List.of(path), true, identity,
					draft -> get(draft, path).isArray() ? get(draft, path).valueStream().map(item).toList() : List.of(),
					Format.TEXT);
		}

		List<String> lines(ObjectNode draft) {
			return display.apply(draft);
		}

		boolean emptyIn(ObjectNode draft) {
			return paths.stream().allMatch(path -> empty(get(draft, path)));
		}

		boolean same(ObjectNode a, ObjectNode b) {
			return paths.stream().allMatch(path -> normalised(get(a, path)).equals(normalised(get(b, path))));
		}

		/**
		 * What a merge keeps unless told otherwise: both lists joined; otherwise the
		 * survivor's value, or the other's when the survivor has none.
		 */
		MergePick defaultPick(ObjectNode survivor, ObjectNode merged) {
			if (same(survivor, merged) || emptyIn(merged)) {
				return MergePick.SURVIVOR;
			}
			if (emptyIn(survivor)) {
				return MergePick.MERGED;
			}
			return list ? MergePick.BOTH : MergePick.SURVIVOR;
		}

	}

	/** A record as a comparison weighs it: its draft and what points at it. */
	record Candidate(long id, long version, String name, Instant createdAt, @Nullable String owner, ObjectNode draft,
			Map<String, Integer> links) {

		int completeness(List<Field> fields) {
			int filled = (int) fields.stream().filter(field -> !field.emptyIn(draft)).count();
			return filled + links.values().stream().mapToInt(Integer::intValue).sum();
		}

	}

	/**
	 * Two records side by side: the survivor is the one named, else the more complete
	 * (the older of two alike).
	 */
	static MergeComparison compare(String type, List<Field> fields, Candidate first, Candidate second,
			@Nullable Long survivorId) {
		boolean firstSurvives;
		if (survivorId != null && (survivorId == first.id() || survivorId == second.id())) {
			firstSurvives = survivorId == first.id();
		}
		else {
			firstSurvives = Comparator.comparingInt((Candidate candidate) -> -candidate.completeness(fields))
				.thenComparing(Candidate::createdAt)
				.thenComparingLong(Candidate::id)
				.compare(first, second) <= 0;
		}
		Candidate survivor = firstSurvives ? first : second;
		Candidate merged = firstSurvives ? second : first;
		List<MergeComparison.Field> rows = new ArrayList<>();
		for (Field field : fields) {
			rows.add(new MergeComparison.Field(field.key(), field.label(), field.literalLabel(), field.list(),
					field.format().name(), field.lines(survivor.draft()), field.lines(merged.draft()),
					field.same(survivor.draft(), merged.draft()), field.defaultPick(survivor.draft(), merged.draft())));
		}
		return new MergeComparison(type, side(survivor), side(merged), rows);
	}

	private static MergeComparison.Side side(Candidate candidate) {
		return new MergeComparison.Side(candidate.id(), candidate.version(), candidate.name(), candidate.createdAt(),
				candidate.owner(), candidate.links());
	}

	/** The survivor's draft with the chosen value of every field. */
	static ObjectNode pick(List<Field> fields, ObjectNode survivor, ObjectNode merged, Map<String, MergePick> picks) {
		ObjectNode result = survivor.deepCopy();
		for (Field field : fields) {
			MergePick pick = picks.getOrDefault(field.key(), field.defaultPick(survivor, merged));
			if (pick == MergePick.BOTH && !field.list()) {
				pick = MergePick.SURVIVOR;
			}
			for (String path : field.paths()) {
				JsonNode value = switch (pick) {
					case SURVIVOR -> get(survivor, path);
					case MERGED -> get(merged, path);
					case BOTH -> union(get(survivor, path), get(merged, path), field.identity());
				};
				set(result, path, value);
			}
		}
		return result;
	}

	/**
	 * The survivor's draft when its merge is undone: each value the merge set and nobody
	 * changed since goes back to what it was before; a value edited since stays.
	 * @param ignored properties left as they are now (a contact person's work, moved
	 * apart)
	 */
	static ObjectNode restore(ObjectNode before, ObjectNode after, ObjectNode current, Set<String> ignored) {
		ObjectNode result = current.deepCopy();
		Set<String> paths = new LinkedHashSet<>();
		for (ObjectNode draft : List.of(before, after, current)) {
			for (String name : draft.propertyNames()) {
				if (name.equals("custom")) {
					draft.path("custom").propertyNames().forEach(key -> paths.add("custom/" + key));
				}
				else if (!ignored.contains(name)) {
					paths.add(name);
				}
			}
		}
		for (String path : paths) {
			if (normalised(get(current, path)).equals(normalised(get(after, path)))) {
				set(result, path, get(before, path));
			}
		}
		return result;
	}

	/**
	 * The draft without values of extra fields no longer in use: a form never submits
	 * them, and the record keeps them as they are.
	 */
	static ObjectNode withoutRetiredFields(ObjectNode draft, List<CustomField> active) {
		Set<String> activeKeys = new HashSet<>(active.stream().map(CustomField::key).toList());
		ObjectNode result = draft.deepCopy();
		if (result.get("custom") instanceof ObjectNode custom) {
			List<String> retired = custom.propertyNames().stream().filter(key -> !activeKeys.contains(key)).toList();
			custom.remove(retired);
		}
		return result;
	}

	static JsonNode get(ObjectNode draft, String path) {
		if (path.startsWith("custom/")) {
			return draft.path("custom").path(path.substring("custom/".length()));
		}
		return draft.path(path);
	}

	static void set(ObjectNode draft, String path, JsonNode value) {
		if (path.startsWith("custom/")) {
			JsonNode custom = draft.get("custom");
			ObjectNode object = custom instanceof ObjectNode existing ? existing : draft.putObject("custom");
			String key = path.substring("custom/".length());
			if (empty(value)) {
				object.remove(key);
			}
			else {
				object.set(key, value.deepCopy());
			}
			return;
		}
		if (value.isMissingNode()) {
			draft.putNull(path);
		}
		else {
			draft.set(path, value.deepCopy());
		}
	}

	static boolean empty(JsonNode value) {
		return value.isMissingNode() || value.isNull() || (value.isString() && value.stringValue().isBlank())
				|| ((value.isArray() || value.isObject()) && value.isEmpty());
	}

	private static JsonNode union(JsonNode survivor, JsonNode merged, Function<JsonNode, String> identity) {
		ArrayNode joined = JsonNodeFactory.instance.arrayNode();
		Set<String> seen = new LinkedHashSet<>();
		for (JsonNode list : List.of(survivor, merged)) {
			if (list.isArray()) {
				for (JsonNode item : list) {
					if (seen.add(identity.apply(item))) {
						joined.add(item.deepCopy());
					}
				}
			}
		}
		return joined;
	}

	/**
	 * A value compared by content: missing, null and empty are the same "no value", and
	 * so is a property with no value inside an object ({@code {"note": null}} is
	 * {@code {}}) — the stored JSON of a record leaves such properties out.
	 */
	private static String normalised(JsonNode value) {
		if (empty(value)) {
			return "";
		}
		if (value.isObject()) {
			StringBuilder text = new StringBuilder("{");
			value.propertyNames()
				.stream()
				.sorted()
				.filter(name -> !empty(value.path(name)))
				.forEach(name -> text.append(name).append(':').append(normalised(value.path(name))).append(','));
			return text.append('}').toString();
		}
		if (value.isArray()) {
			StringBuilder text = new StringBuilder("[");
			value.valueStream().forEach(item -> text.append(normalised(item)).append(','));
			return text.append(']').toString();
		}
		return value.toString();
	}

	private static List<String> lines(ObjectNode draft, List<String> paths, Function<JsonNode, List<String>> each) {
		List<String> lines = new ArrayList<>();
		for (String path : paths) {
			if (!empty(get(draft, path))) {
				lines.addAll(each.apply(get(draft, path)));
			}
		}
		return lines;
	}

	static List<String> text(JsonNode value) {
		return List.of(value.isString() ? value.stringValue() : value.toString());
	}

}
