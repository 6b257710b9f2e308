package io.clientele.bench;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Clientele's "My tasks" page, a client's timeline, the calendar of several people and the
 * interaction list (pages, here answered as JSON) from the same statements
 * (bench/sql/my-tasks.sql, timeline.sql, calendar-week.sql, interaction-list-page.sql):
 * what the framework alone costs.
 */
@RestController
class ActivityEndpoints {

	private final ScriptRunner scripts;

	private final JsonMapper json;

	private final Sessions sessions;

	/**
	 * The records a page names (the clients and deals of a user's tasks, the deals and
	 * contact persons of a client's timeline), from its previous answer: the app reads
	 * them after the rows, a script before them.
	 */
	private final Map<String, Map<String, Object>> named = new ConcurrentHashMap<>();

	ActivityEndpoints(ScriptRunner scripts, JsonMapper json, Sessions sessions) {
		this.scripts = scripts;
		this.json = json;
		this.sessions = sessions;
	}

	@GetMapping("/my-tasks")
	Map<String, Object> myTasks(@CookieValue("SESSION") String cookie) {
		Map<String, Object> vars = session(cookie);
		ZoneId zone = ZoneId.systemDefault();
		OffsetDateTime now = OffsetDateTime.now();
		LocalDate today = LocalDate.now(zone);
		vars.put("user_ids", "{" + vars.get("user_id") + "}");
		vars.put("now", now.toString());
		vars.put("today", today.toString());
		vars.put("tomorrow", today.plusDays(1).toString());
		vars.put("week_end", today.with(java.time.DayOfWeek.SUNDAY).toString());
		vars.put("done_since", now.minusDays(7).toString());
		String key = "tasks " + vars.get("session");
		vars.putAll(named.getOrDefault(key, Map.of("task_clients", "{}", "task_deals", "{}", "process_deals", "{}")));
		var results = scripts.run("my-tasks", vars);
		List<Map<String, Object>> rows = results.get("tasks");
		named.put(key, Map.of("task_clients", ids(rows, "client_id"), "task_deals", ids(rows, "deal_id"),
				"process_deals", ids(results.get("process_tasks"), "deal_id")));
		Map<Object, Object> processDeals = names(results.get("process_deals"), "subject");
		List<Map<String, Object>> actions = new ArrayList<>();
		for (Map<String, Object> row : results.get("process_tasks")) {
			Map<String, Object> action = new LinkedHashMap<>(ReferenceEndpoints.camelRow(row));
			action.put("dueAt", plain(row.get("due_at")));
			action.put("createdAt", plain(row.get("created_at")));
			action.put("openedAt", plain(row.get("opened_at")));
			action.put("dealSubject", processDeals.get(row.get("deal_id")));
			actions.add(action);
		}
		Map<Object, Object> clients = names(results.get("clients"), "name");
		Map<Object, Object> deals = names(results.get("deals"), "subject");
		Map<String, List<Map<String, Object>>> groups = new LinkedHashMap<>();
		for (Map<String, Object> row : rows) {
			Map<String, Object> task = new LinkedHashMap<>(ReferenceEndpoints.camelRow(row));
			task.put("dueOn", plain(row.get("due_on")));
			task.put("dueAt", plain(row.get("due_at")));
			task.put("doneAt", plain(row.get("done_at")));
			task.put("sortDay", plain(row.get("sort_day")));
			task.put("clientName", clients.get(row.get("client_id")));
			task.put("dealSubject", deals.get(row.get("deal_id")));
			groups.computeIfAbsent((String) row.get("grp"), group -> new ArrayList<>()).add(task);
		}
		Map<String, Object> page = new LinkedHashMap<>();
		page.put("groups", groups);
		page.put("processActions", actions);
		page.put("counts", results.get("counts").stream().map(ReferenceEndpoints::camelRow).toList());
		return page;
	}

	@GetMapping("/timeline/client/{id}")
	Map<String, Object> timeline(@PathVariable long id, @CookieValue("SESSION") String cookie) {
		Map<String, Object> vars = session(cookie);
		vars.put("id", id);
		vars.put("user_ids", "{" + vars.get("user_id") + "}");
		vars.put("today", LocalDate.now().toString());
		String key = "timeline " + id;
		vars.putAll(named.getOrDefault(key,
				Map.of("interaction_deals", "{}", "interaction_contacts", "{}", "task_deals", "{}")));
		var results = scripts.run("timeline", vars);
		named.put(key,
				Map.of("interaction_deals", ids(results.get("interactions"), "deal_id"), "interaction_contacts",
						ids(results.get("interactions"), "contact_id"), "task_deals",
						ids(results.get("tasks"), "deal_id")));
		Map<Object, Object> deals = names(results.get("interaction_deals"), "subject");
		deals.putAll(names(results.get("task_deals"), "subject"));
		Map<Object, Object> contacts = names(results.get("contacts"), "full_name");
		List<Map<String, Object>> entries = new ArrayList<>();
		add(entries, "change", results.get("history"), "at", deals, contacts);
		add(entries, "interaction", results.get("interactions"), "at", deals, contacts);
		add(entries, "stage", results.get("stages"), "entered_at", deals, contacts);
		add(entries, "task", results.get("tasks"), "at", deals, contacts);
		entries.sort(Comparator.comparing((Map<String, Object> entry) -> (String) entry.get("at")).reversed());
		return Map.of("client", id, "entries", entries.subList(0, Math.min(20, entries.size())));
	}

	/**
	 * The interaction list's first page, newest first, with its clients' and people's
	 * names (the script counts too, bench/sql/interaction-list-page.sql).
	 */
	@GetMapping("/interactions")
	Map<String, Object> interactions(@CookieValue("SESSION") String cookie) {
		Map<String, Object> vars = session(cookie);
		vars.put("today", LocalDate.now().toString());
		vars.put("exact", 1000);
		String key = "interactions " + vars.get("session");
		vars.putAll(named.getOrDefault(key, Map.of("page_clients", "{}", "page_users", "{}")));
		var results = scripts.run("interaction-list-page", vars);
		List<Map<String, Object>> rows = results.get("rows");
		named.put(key, Map.of("page_clients", ids(rows, "client"), "page_users", ids(rows, "responsible")));
		Map<Object, Object> clients = names(results.get("clients"), "name");
		Map<Object, Object> users = names(results.get("users"), "full_name");
		List<Map<String, Object>> page = new ArrayList<>();
		for (Map<String, Object> row : rows.subList(0, Math.min(50, rows.size()))) {
			Map<String, Object> item = new LinkedHashMap<>(ReferenceEndpoints.camelRow(row));
			item.put("at", plain(row.get("at")));
			item.put("clientName", clients.get(row.get("client")));
			item.put("responsibleName", users.get(row.get("responsible")));
			page.add(item);
		}
		return Map.of("rows", page);
	}

	@GetMapping("/calendar/events")
	List<Map<String, Object>> calendar(@RequestParam String start, @RequestParam String end,
			@RequestParam List<Long> people, @CookieValue("SESSION") String cookie) {
		Map<String, Object> vars = session(cookie);
		ZoneId zone = ZoneId.systemDefault();
		Instant from = OffsetDateTime.parse(start).toInstant();
		Instant to = OffsetDateTime.parse(end).toInstant();
		vars.put("today", LocalDate.now(zone).toString());
		vars.put("people", "{" + people.stream().map(String::valueOf).collect(Collectors.joining(",")) + "}");
		vars.put("from", Timestamp.from(from));
		vars.put("to", Timestamp.from(to));
		vars.put("from_early", Timestamp.from(from.minus(Duration.ofHours(2))));
		vars.put("from_day", from.atZone(zone).toLocalDate().minusDays(1));
		vars.put("to_day", to.atZone(zone).toLocalDate());
		var results = scripts.run("calendar-week", vars);
		List<Map<String, Object>> events = new ArrayList<>();
		for (Map<String, Object> row : results.get("tasks")) {
			events.add(event("task", row.get("id"), row.get("executor_id"), row.get("title"),
					row.get("due_at") != null ? row.get("due_at") : row.get("due_on")));
		}
		for (Map<String, Object> row : results.get("interactions")) {
			events.add(event("interaction", row.get("id"), row.get("user_id"), row.get("subject"),
					row.get("planned_at")));
		}
		for (Map<String, Object> row : results.get("rooms")) {
			events.add(event("room", row.get("id"), row.get("booked_by"), row.get("title"), row.get("starts_at")));
		}
		return events;
	}

	private Map<String, Object> event(String kind, Object id, Object user, Object title, Object start) {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("id", kind + "-" + id);
		event.put("title", title);
		event.put("start", plain(start));
		event.put("classNames", List.of("calendar-kind-" + kind));
		event.put("extendedProps", Map.of("kind", kind, "itemId", id, "userId", user));
		return event;
	}

	private void add(List<Map<String, Object>> entries, String kind, List<Map<String, Object>> rows, String at,
			Map<Object, Object> deals, Map<Object, Object> contacts) {
		for (Map<String, Object> row : rows) {
			Map<String, Object> entry = new LinkedHashMap<>(ReferenceEndpoints.camelRow(row));
			entry.put("source", kind);
			entry.put("at", String.valueOf(plain(row.get(at))));
			if (row.get("deal_id") != null) {
				entry.put("dealSubject", deals.get(row.get("deal_id")));
			}
			if (row.get("contact_id") != null) {
				entry.put("contactName", contacts.get(row.get("contact_id")));
			}
			entries.add(entry);
		}
	}

	private static String ids(List<Map<String, Object>> rows, String column) {
		return "{" + rows.stream()
			.map(row -> row.get(column))
			.filter(Objects::nonNull)
			.map(String::valueOf)
			.distinct()
			.collect(Collectors.joining(",")) + "}";
	}

	private static Map<Object, Object> names(List<Map<String, Object>> rows, String column) {
		Map<Object, Object> names = new LinkedHashMap<>();
		rows.forEach(row -> names.put(row.get("id"), row.get(column)));
		return names;
	}

	private Map<String, Object> session(String cookie) {
		return sessions.variables(cookie);
	}

	private Object plain(Object value) {
		return ReferenceEndpoints.plain(json, value);
	}

}
