package io.clientele.clients;

import io.clientele.shared.lists.RecordListPage;

import io.clientele.shared.lists.RecordQuery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.clientele.identity.CurrentUser;
import io.clientele.identity.Role;
import io.clientele.shared.customfields.CustomFieldType;
import io.clientele.shared.customfields.CustomFields;
import io.clientele.support.ClienteleIntegrationTest;
import io.clientele.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The list machinery on a manager's own clients: keyset pages, sorting, grouping, filters
 * by segment, city and extra field, and the count.
 */
@ClienteleIntegrationTest
class ClientListIntegrationTests {

	@Autowired
	ClientService clients;

	@Autowired
	ClientList list;

	@Autowired
	Segments segments;

	@Autowired
	CustomFields customFields;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	CurrentUser manager;

	@BeforeEach
	void setUp() {
		var users = new TestUsers(jdbc, encoder);
		manager = users.user(Role.SALES_MANAGER, users.department("Sales", users.rootDepartment()));
	}

	@Test
	void keyset_pages_cover_every_client_once_in_order_both_ways() {
		for (int i = 0; i < 7; i++) {
			clients.create(ClientFixtures.organisation("Клиент " + (char) ('А' + i)), manager);
		}
		List<String> seen = new ArrayList<>();
		String after = null;
		List<RecordListPage> pages = new ArrayList<>();
		do {
			RecordListPage page = list.page(query(Map.of(), "name", false, null, after, null, 3), manager);
			pages.add(page);
			page.rows().forEach(row -> seen.add(row.name()));
			after = page.next();
		}
		while (after != null);
		assertThat(seen).containsExactly("Клиент А", "Клиент Б", "Клиент В", "Клиент Г", "Клиент Д", "Клиент Е",
				"Клиент Ж");
		assertThat(pages).hasSize(3);
		assertThat(pages.get(0).previous()).isNull();

		RecordListPage back = list.page(query(Map.of(), "name", false, null, null, pages.get(2).previous(), 3),
				manager);
		assertThat(back.rows()).extracting(RecordListPage.Row::name)
			.containsExactly("Клиент Г", "Клиент Д", "Клиент Е");
	}

	@Test
	void sorting_descending_and_grouping_by_kind_keep_the_groups_together() {
		clients.create(ClientFixtures.organisation("Альфа"), manager);
		clients.create(ClientFixtures.person("Борисов", "Иван"), manager);
		clients.create(ClientFixtures.organisation("Вега"), manager);
		RecordListPage page = list.page(query(Map.of(), "name", true, "kind", null, null, 50), manager);
		// Groups in their own order (individuals before organisations), names descending
		// within each.
		assertThat(page.rows()).extracting(RecordListPage.Row::name).containsExactly("Борисов Иван", "Вега", "Альфа");
		assertThat(page.rows()).extracting(RecordListPage.Row::groupValue)
			.containsExactly(ClientKind.INDIVIDUAL, ClientKind.ORGANISATION, ClientKind.ORGANISATION);
	}

	@Test
	void filters_by_segment_city_and_extra_field_combine() {
		long type = segments.createType(TestUsers.unique("Отрасль"));
		long retail = segments.create(type, "Розница");
		long field = customFields.define("CLIENT", new CustomFields.Definition(TestUsers.unique("Канал"),
				CustomFieldType.CHOICE, false, List.of("Выставка", "Сайт"), true));
		String fair = customFields.get(field).options().get(0).code();
		clients.create(draft("Нужный", "Тверь", List.of(retail), Map.of(String.valueOf(field), fair)), manager);
		clients.create(draft("Другой город", "Псков", List.of(retail), Map.of(String.valueOf(field), fair)), manager);
		clients.create(draft("Без сегмента", "Тверь", List.of(), Map.of(String.valueOf(field), fair)), manager);
		clients.create(draft("Другой канал", "Тверь", List.of(retail),
				Map.of(String.valueOf(field), customFields.get(field).options().get(1).code())), manager);

		RecordListPage page = list.page(query(Map.of("segments", List.of(String.valueOf(retail)), "city",
				List.of("тверь"), "cf" + field, List.of(fair)), "name", false, null, null, null, 50), manager);

		assertThat(page.rows()).extracting(RecordListPage.Row::name).containsExactly("Нужный");
		assertThat(page.total()).isEqualTo(new RecordListPage.Total(1, true));
	}

	@Test
	void the_count_is_exact_up_to_a_thousand_and_an_estimate_beyond() {
		// Rows written straight to the table, as a data generator would.
		jdbc.sql("""
				insert into clients (kind, name, responsible_id)
				select 'ORGANISATION', 'Массовый ' || n, ? from generate_series(1, 1050) n
				""").param(manager.id()).update();
		jdbc.sql("analyze clients").update();
		RecordListPage page = list.page(query(Map.of(), "name", false, null, null, null, 50), manager);
		assertThat(page.rows()).hasSize(50);
		assertThat(page.total().exact()).isFalse();
		assertThat(page.total().value()).isGreaterThan(RecordListPage.Total.EXACT_UP_TO);

		RecordListPage few = list
			.page(query(Map.of("name", List.of("Массовый 105")), "name", false, null, null, null, 50), manager);
		assertThat(few.total()).isEqualTo(new RecordListPage.Total(2, true));
	}

	private ClientDraft draft(String name, String city, List<Long> segmentIds, Map<String, Object> custom) {
		return new ClientDraft(ClientKind.ORGANISATION, name, null, null, null, null, null, null, null, null, null,
				null, null, null, null, null, List.of(), List.of(), List.of(),
				List.of(new Address(Address.Kind.ACTUAL, "ул. Советская, 1", city, null)), List.of(), List.of(),
				segmentIds, null, custom);
	}

	private static RecordQuery query(Map<String, List<String>> filters, String sort, boolean descending, String group,
			String after, String before, int size) {
		return new RecordQuery(null, filters, List.of("name", "kind", "city"), sort, descending, group, after, before,
				size);
	}

}
