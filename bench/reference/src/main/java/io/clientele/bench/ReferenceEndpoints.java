package io.clientele.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Clientele's read endpoints at the same paths, answering the same JSON from the same
 * statements (bench/sql): what the framework alone costs.
 */
@RestController
class ReferenceEndpoints {

	private final ScriptRunner scripts;

	private final JsonMapper json;

	private final JdbcClient jdbc;

	/**
	 * The signed-in user of each session, looked up once (Clientele keeps it in the
	 * session).
	 */
	private final Map<String, Map<String, Object>> sessions = new ConcurrentHashMap<>();

	ReferenceEndpoints(ScriptRunner scripts, JsonMapper json, JdbcClient jdbc) {
		this.scripts = scripts;
		this.json = json;
		this.jdbc = jdbc;
	}

	@GetMapping("/api/v1/clients/{id}")
	Map<String, Object> card(@PathVariable long id, @RequestHeader("Authorization") String authorization) {
		var results = scripts.run("card", Map.of("token", tokenHash(authorization), "id", id));
		Map<String, Object> client = results.get("client").get(0); // \gset: exactly one row
		Map<String, Object> card = new LinkedHashMap<>();
		client.forEach((column, value) -> {
			if (!column.equals("email_lower") && !column.equals("phone_digits") && !column.equals("segment_ids")
					&& !column.startsWith("deleted") && !column.equals("created_by")
					&& !column.equals("responsible_id")) {
				card.put(camel(column), plain(value));
			}
		});
		card.put("segments", results.get("segments")
			.stream()
			.map(row -> Map.of("id", row.get("id"), "type", row.get("type_name"), "name", row.get("name")))
			.toList());
		var responsible = results.get("responsible").get(0);
		card.put("responsible", Map.of("id", responsible.get("id"), "name", responsible.get("full_name")));
		card.put("contacts", results.get("contacts").stream().map(ReferenceEndpoints::camelRow).toList());
		card.put("legalEntities", results.get("legal").stream().map(ReferenceEndpoints::camelRow).toList());
		card.put("completeness", Map.of("percent", 100, "missing", List.of()));
		return card;
	}

	@GetMapping("/api/v1/clients")
	Map<String, Object> list(@RequestParam Map<String, String> params,
			@RequestHeader("Authorization") String authorization) {
		Map<String, Object> vars = new LinkedHashMap<>();
		vars.put("token", tokenHash(authorization));
		String scenario = "list-first";
		if (params.containsKey("after")) {
			String[] cursor = json.readValue(Base64.getUrlDecoder().decode(params.get("after")), String[].class);
			vars.put("after_name", cursor[0]);
			vars.put("after_id", Long.parseLong(cursor[1]));
			scenario = "list-page";
		}
		else if ("desc".equals(params.get("dir"))) {
			scenario = "list-desc";
		}
		else if (params.containsKey("f.segments")) {
			vars.put("segments", "{" + params.get("f.segments") + "}");
			vars.put("city", "%" + params.get("f.city").toLowerCase() + "%");
			vars.put("custom", "{\"1\": \"" + params.get("f.cf1") + "\"}");
			scenario = "list-filtered";
		}
		var results = scripts.run(scenario, vars);
		List<Map<String, Object>> rows = results.get("page");
		List<Map<String, Object>> items = new ArrayList<>();
		for (Map<String, Object> row : rows.subList(0, Math.min(50, rows.size()))) {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("id", row.get("id"));
			item.put("kind", row.get("kind"));
			item.put("name", row.get("name"));
			item.put("inn", row.get("inn"));
			item.put("city", row.get("city"));
			item.put("phones", plain(row.get("phone")));
			item.put("emails", plain(row.get("email")));
			item.put("segmentIds", plain(row.get("segments")));
			item.put("responsibleId", row.get("responsible"));
			item.put("updated", plain(row.get("updated")));
			Map<String, Object> custom = new LinkedHashMap<>();
			for (String key : List.of("cf1", "cf2")) {
				if (row.get(key) != null) {
					custom.put(key.substring(2), plain(row.get(key)));
				}
			}
			item.put("custom", custom);
			items.add(item);
		}
		String next = null;
		if (rows.size() > 50) {
			Map<String, Object> last = rows.get(49);
			next = Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(json.writeValueAsBytes(List.of(String.valueOf(last.get("k0")),
						String.valueOf(last.get("id")))));
		}
		long counted = ((Number) results.get("count").get(0).get("count")).longValue();
		Map<String, Object> total = new LinkedHashMap<>();
		if (counted <= 1000) {
			total.put("value", counted);
			total.put("exact", true);
		}
		else {
			String plan = String.valueOf(results.get("estimate").get(0).get("QUERY PLAN"));
			total.put("value", Math.max(1001, json.readTree(plan).get(0).get("Plan").get("Plan Rows").asLong()));
			total.put("exact", false);
		}
		Map<String, Object> page = new LinkedHashMap<>();
		page.put("items", items);
		page.put("next", next);
		page.put("previous", params.containsKey("after") ? params.get("after") : null);
		page.put("total", total);
		return page;
	}

	/**
	 * The top-bar search: the same statements as Clientele's (search.sql for a manager,
	 * search-admin.sql for the administrator), the hits as JSON instead of an HTML
	 * fragment.
	 */
	@GetMapping("/search/suggest")
	Map<String, Object> suggest(@RequestParam String q, @CookieValue("SESSION") String cookie) {
		String sessionId = new String(Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8);
		Map<String, Object> vars = new LinkedHashMap<>(sessions.computeIfAbsent(sessionId, this::session));
		String normal = q.strip().toLowerCase(Locale.ROOT).replace('ё', 'е');
		String contains = "%" + normal + "%";
		String patterns = "{\"" + contains + "\"";
		if (normal.matches("[\\d\\s()+\\-.]+")) {
			String digits = normal.replaceAll("\\D", "");
			if (digits.length() >= 3 && !normal.contains(digits)) {
				patterns += ",\"%" + digits + "%\"";
			}
		}
		long now = System.currentTimeMillis();
		vars.put("patterns", patterns + "}");
		vars.put("prefix", normal + "%");
		vars.put("contains", contains);
		vars.put("per_kind", 5);
		vars.put("candidates", 10);
		vars.put("sample", 400);
		vars.put("now_ms", now);
		vars.put("expiry_ms", now + 1_800_000);
		String script = "ADMINISTRATOR".equals(vars.get("role")) ? "search-admin" : "search";
		var results = scripts.run(script, vars);
		Map<String, Object> hits = new LinkedHashMap<>();
		for (String kind : List.of("clients", "contacts", "leads")) {
			// Names that start with the text, then records that contain it, each once; or
			// one step that ranks them (a manager's contact persons).
			Map<Object, Map<String, Object>> found = new LinkedHashMap<>();
			for (String step : List.of("", "_starting", "_containing")) {
				for (Map<String, Object> row : results.getOrDefault(kind + step, List.of())) {
					if (found.size() < 5) {
						found.putIfAbsent(row.get("id"), camelRow(row));
					}
				}
			}
			hits.put(kind, List.copyOf(found.values()));
		}
		return hits;
	}

	private Map<String, Object> session(String sessionId) {
		return jdbc.sql("""
				select s.primary_id as session_primary, s.session_id as session, u.id as user_id,
				       u.department_id, u.username, u.role
				  from spring_session s join users u on u.username = s.principal_name
				 where s.session_id = ?
				""").param(sessionId).query().singleRow();
	}

	@ExceptionHandler(ScriptRunner.NotFound.class)
	ResponseEntity<Map<String, Object>> notFound() {
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("status", 404));
	}

	private Object plain(Object value) {
		return plain(json, value);
	}

	/** A column's value as JSON shows it: JSON columns parsed, times and arrays plain. */
	static Object plain(JsonMapper json, Object value) {
		if (value == null) {
			return null;
		}
		if (value.getClass().getName().equals("org.postgresql.util.PGobject")) {
			return json.readTree(value.toString());
		}
		if (value instanceof Timestamp timestamp) {
			return timestamp.toInstant().toString();
		}
		if (value instanceof java.sql.Date date) {
			return date.toLocalDate().toString();
		}
		if (value instanceof Array array) {
			try {
				return array.getArray();
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return value;
	}

	static Map<String, Object> camelRow(Map<String, Object> row) {
		Map<String, Object> out = new LinkedHashMap<>();
		row.forEach((column, value) -> out.put(camel(column), value instanceof Array ? String.valueOf(value) : value));
		return out;
	}

	static String camel(String column) {
		StringBuilder out = new StringBuilder();
		boolean upper = false;
		for (char c : column.toCharArray()) {
			if (c == '_') {
				upper = true;
			}
			else {
				out.append(upper ? Character.toUpperCase(c) : c);
				upper = false;
			}
		}
		return out.toString();
	}

	static String tokenHash(String authorization) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256")
				.digest(authorization.substring("Bearer ".length()).strip().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
