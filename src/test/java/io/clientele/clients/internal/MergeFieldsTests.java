package io.clientele.clients.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.clientele.clients.MergePick;
import io.clientele.clients.internal.MergeFields.Field;
import io.clientele.clients.internal.MergeFields.Format;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class MergeFieldsTests {

	private final JsonMapper json = JsonMapper.builder().build();

	private final List<Field> fields = List.of(Field.scalar("name", "client.field.name", "name", Format.TEXT),
			Field.scalar("website", "client.field.website", "website", Format.TEXT),
			Field.together("requisites", "client.section.requisites", List.of("inn", "kpp")),
			MergeCatalog.reach().get(0), MergeCatalog.reach().get(1));

	@Test
	void by_default_the_survivor_keeps_its_values_takes_the_ones_it_lacks_and_joins_lists() {
		ObjectNode survivor = draft("""
				{"name": "Ромашка", "website": null, "inn": "7707083893", "kpp": "773601001",
				 "phones": [{"number": "+74951234567", "note": "office"}], "emails": [{"address": "a@x.example"}]}
				""");
		ObjectNode merged = draft("""
				{"name": "Romashka LLC", "website": "romashka.example", "inn": "7736207543", "kpp": null,
				 "phones": [{"number": "+74951234567", "note": null}, {"number": "+79160001122"}],
				 "emails": [{"address": "A@X.example"}, {"address": "b@x.example"}]}
				""");

		ObjectNode result = MergeFields.pick(fields, survivor, merged, Map.of());

		assertThat(result.path("name").asString()).isEqualTo("Ромашка");
		assertThat(result.path("website").asString()).isEqualTo("romashka.example");
		assertThat(result.path("inn").asString()).isEqualTo("7707083893");
		assertThat(result.path("kpp").asString()).isEqualTo("773601001");
		assertThat(result.path("phones").valueStream().map(phone -> phone.path("number").asString()))
			.containsExactly("+74951234567", "+79160001122");
		assertThat(result.path("emails").valueStream().map(email -> email.path("address").asString()))
			.containsExactly("a@x.example", "b@x.example");
	}

	@Test
	void fields_taken_together_come_from_one_record() {
		ObjectNode survivor = draft("""
				{"inn": "7707083893", "kpp": "773601001"}
				""");
		ObjectNode merged = draft("""
				{"inn": "7736207543", "kpp": null}
				""");

		ObjectNode result = MergeFields.pick(fields, survivor, merged, Map.of("requisites", MergePick.MERGED));

		assertThat(result.path("inn").asString()).isEqualTo("7736207543");
		assertThat(result.path("kpp").isNull()).isTrue();
	}

	@Test
	void undoing_restores_what_the_merge_set_and_keeps_what_was_edited_since() {
		ObjectNode before = draft("""
				{"name": "Ромашка", "website": null, "custom": {"7": "old"}, "work": [1]}
				""");
		ObjectNode after = draft(
				"""
						{"name": "Romashka LLC", "website": "romashka.example", "custom": {"7": "merged", "8": "added"}, "work": [1]}
						""");
		ObjectNode current = draft(
				"""
						{"name": "Romashka LLC", "website": "edited.example", "custom": {"7": "merged", "8": "added"}, "work": [1, 2]}
						""");

		ObjectNode result = MergeFields.restore(before, after, current, Set.of("work"));

		assertThat(result.path("name").asString()).isEqualTo("Ромашка");
		assertThat(result.path("website").asString()).isEqualTo("edited.example");
		assertThat(result.path("custom").path("7").asString()).isEqualTo("old");
		assertThat(result.path("custom").has("8")).isFalse();
		assertThat(result.path("work").size()).isEqualTo(2);
	}

	private ObjectNode draft(String text) {
		return (ObjectNode) json.readTree(text);
	}

}
