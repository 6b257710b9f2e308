package io.clientele.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Clientele's deal list and card (API) and its deal board and sales funnel (pages, here
 * answered as JSON) from the same statements (bench/sql/deal-*.sql): what the framework
 * alone costs.
 */
@RestController
class DealEndpoints {

	/** The list's exact count stops here (RecordListQuery); beyond, the estimate. */
	private static final int EXACT = 1000;

	private static final int PAGE = 50;

	/** Totals add up at most this many deals (DealList); the counters' bound may say more. */
	private static final int TOTALS_UP_TO = 20_000;

	private final ScriptRunner scripts;

	private final JsonMapper json;

	private final JdbcClient jdbc;

	/** The role of each token's user and each session's user, looked up once. */
	private final Map<String, String> roles = new ConcurrentHashMap<>();

	private final Sessions sessions;

	/**
	 * A scenario's active stages, and the clients of a board's cards: neither changes
	 * during a run (run.py finds the same for pgbench).
	 */
	private final Map<String, String> boardValues = new ConcurrentHashMap<>();

	/**
	 * The stages, scenarios and loss reasons, read again when the version the script read
	 * ("settings") differs from the one they were read at: as Clientele's SalesScenarios.
	 */
	private volatile Settings settings = new Settings(-1, List.of(), List.of(), List.of());

	private record Settings(long version, List<Map<String, Object>> stages, List<Map<String, Object>> scenarios,
			List<Map<String, Object>> reasons) {
	}

	DealEndpoints(ScriptRunner scripts, JsonMapper json, JdbcClient jdbc, Sessions sessions) {
		this.scripts = scripts;
		this.json = json;
		this.jdbc = jdbc;
		this.sessions = sessions;
	}

	@GetMapping("/api/v1/deals")
	Map<String, Object> list(@RequestHeader("Authorization") String authorization) {
		String token = ReferenceEndpoints.tokenHash(authorization);
		String role = roles.computeIfAbsent(token, hash -> jdbc.sql("""
				select u.role from users u join api_tokens t on t.user_id = u.id where t.token_hash = decode(?, 'hex')
				""").param(hash).query(String.class).single());
		var results = scripts.run("ADMINISTRATOR".equals(role) ? "deal-list-admin" : "deal-list",
				Map.of("token", token, "exact", EXACT, "totals_from", TOTALS_UP_TO + 1));
		List<Map<String, Object>> rows = results.get("page");
		List<Map<String, Object>> items = new ArrayList<>();
		for (Map<String, Object> row : rows.subList(0, Math.min(PAGE, rows.size()))) {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("id", row.get("id"));
			item.put("subject", row.get("name"));
			item.put("clientId", row.get("client"));
			item.put("state", row.get("state"));
			item.put("scenarioId", row.get("scenario"));
			item.put("stageId", row.get("stage"));
			item.put("mode", row.get("mode"));
			item.put("amount", row.get("amount"));
			item.put("currency", row.get("currency"));
			item.put("probability", row.get("probability"));
			item.put("expectedClose", plain(row.get("expected")));
			item.put("responsibleId", row.get("responsible"));
			item.put("created", plain(row.get("created")));
			item.put("updated", plain(row.get("updated")));
			item.put("closed", plain(row.get("closed")));
			items.add(item);
		}
		String next = null;
		if (rows.size() > PAGE) {
			Map<String, Object> last = rows.get(PAGE - 1);
			next = Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(json.writeValueAsBytes(
						List.of(String.valueOf(plain(last.get("k0"))), String.valueOf(last.get("id")))));
		}
		List<Map<String, Object>> totals = results.getOrDefault("totals", List.of())
			.stream()
			.map(row -> Map.of("currency", row.get("currency"), "count", row.get("count"), "amount", row.get("sum"),
					"weighted", row.get("round")))
			.toList();
		long counted = totals.stream().mapToLong(total -> ((Number) total.get("count")).longValue()).sum();
		Map<String, Object> page = new LinkedHashMap<>();
		page.put("items", items);
		page.put("next", next);
		page.put("previous", null);
		page.put("totals", !results.containsKey("totals") || counted > TOTALS_UP_TO ? null : totals);
		return page;
	}

	@GetMapping("/api/v1/deals/{id}")
	Map<String, Object> card(@PathVariable long id, @RequestHeader("Authorization") String authorization) {
		var results = scripts.run("deal-card", Map.of("token", ReferenceEndpoints.tokenHash(authorization), "id", id));
		Map<String, Object> deal = results.get("deal").get(0);
		Settings known = settings(results);
		Map<Object, Map<String, Object>> stages = known.stages()
			.stream()
			.collect(Collectors.toMap(row -> row.get("id"), row -> row));
		Map<String, Object> card = new LinkedHashMap<>();
		deal.forEach((column, value) -> {
			if (!column.startsWith("deleted") && !column.equals("created_by") && !column.equals("lead_id")
					&& !column.equals("stage_entered_at")) {
				card.put(ReferenceEndpoints.camel(column), plain(value));
			}
		});
		card.put("clientName", results.get("client").get(0).get("name"));
		card.put("scenarioName", known.scenarios()
			.stream()
			.filter(row -> row.get("id").equals(deal.get("scenario_id")))
			.findFirst()
			.map(row -> row.get("name"))
			.orElse(null));
		Map<String, Object> stage = stages.get(deal.get("stage_id"));
		card.put("stageName", stage.get("name"));
		BigDecimal amount = (BigDecimal) deal.get("amount");
		card.put("weighted", amount.multiply(BigDecimal.valueOf(((Number) deal.get("probability")).longValue()))
			.divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP));
		card.put("lines", results.get("lines").stream().map(line -> {
			Map<String, Object> out = new LinkedHashMap<>(ReferenceEndpoints.camelRow(line));
			BigDecimal gross = ((BigDecimal) line.get("quantity")).multiply((BigDecimal) line.get("price"));
			out.put("total", gross.subtract(gross.multiply((BigDecimal) line.get("discount"))
				.divide(BigDecimal.valueOf(100), 10, RoundingMode.HALF_UP)).setScale(2, RoundingMode.HALF_UP));
			return out;
		}).toList());
		card.put("stageVisits", results.get("visits")
			.stream()
			.map(visit -> Map.of("stageId", visit.get("stage_id"), "stageName",
					stages.get(visit.get("stage_id")).get("name"), "enteredAt", plain(visit.get("entered_at")),
					"outcome", String.valueOf(visit.get("outcome"))))
			.toList());
		Object maxDays = stage.get("max_days");
		card.put("stalled", maxDays != null && Duration.between(((Timestamp) deal.get("stage_entered_at")).toInstant(),
				Instant.now()).toDays() > ((Number) maxDays).longValue());
		return card;
	}

	private Settings settings(Map<String, List<Map<String, Object>>> results) {
		long version = ((Number) results.get("settings").get(0).get("version")).longValue();
		Settings current = settings;
		if (current.version() != version) {
			current = new Settings(version, jdbc.sql("""
					select id, scenario_id, name, position, probability, max_days, active from sales_stages
					 order by scenario_id, position, id
					""").query().listOfRows(),
					jdbc.sql("select id, name, active from sales_scenarios order by active desc, position, id")
						.query()
						.listOfRows(),
					jdbc.sql("select id, name, active from deal_loss_reasons order by active desc, position, lower(name)")
						.query()
						.listOfRows());
			settings = current;
		}
		return current;
	}

	/** The board's columns as JSON: the same statements as the page (deal-board.sql). */
	@GetMapping("/deals/board")
	Map<String, Object> board(@RequestParam long scenario, @CookieValue("SESSION") String cookie) {
		Map<String, Object> vars = session(cookie);
		String stages = boardValues.computeIfAbsent("stages " + scenario, key -> jdbc.sql("""
				select '{' || string_agg(id::text, ',' order by position, id) || '}' from sales_stages
				 where scenario_id = ? and active
				""").param(scenario).query(String.class).single());
		String clientsKey = "clients " + vars.get("session") + " " + scenario;
		vars.put("scenario", scenario);
		vars.put("stages", stages);
		vars.put("card_clients", boardValues.getOrDefault(clientsKey, "{}"));
		var results = scripts.run("deal-board", vars);
		boardValues.computeIfAbsent(clientsKey, key -> "{" + results.get("cards")
			.stream()
			.map(row -> String.valueOf(row.get("client_id")))
			.distinct()
			.collect(Collectors.joining(",")) + "}");
		Map<Object, Object> names = new LinkedHashMap<>();
		results.get("clients").forEach(row -> names.put(row.get("id"), row.get("name")));
		Map<Object, Map<String, Object>> columns = new LinkedHashMap<>();
		settings(results).stages()
			.stream()
			.filter(row -> row.get("scenario_id").equals(scenario) && Boolean.TRUE.equals(row.get("active")))
			.forEach(row -> {
				Map<String, Object> column = new LinkedHashMap<>();
				column.put("stageId", row.get("id"));
				column.put("name", row.get("name"));
				column.put("count", 0L);
				column.put("totals", new ArrayList<>());
				column.put("cards", new ArrayList<>());
				columns.put(row.get("id"), column);
			});
		for (Map<String, Object> total : results.get("totals")) {
			Map<String, Object> column = columns.get(total.get("stage"));
			column.put("count", (Long) column.get("count") + ((Number) total.get("deals")).longValue());
			cast(column.get("totals")).add(Map.of("currency", total.get("currency"), "amount", total.get("amount"),
					"weighted", total.get("weighted")));
		}
		for (Map<String, Object> row : results.get("cards")) {
			Map<String, Object> card = new LinkedHashMap<>(ReferenceEndpoints.camelRow(row));
			card.put("expectedClose", plain(row.get("expected_close")));
			card.put("stageEnteredAt", plain(row.get("stage_entered_at")));
			card.put("clientName", names.get(row.get("client_id")));
			cast(columns.get(row.get("stage")).get("cards")).add(card);
		}
		return Map.of("scenario", scenario, "columns", List.copyOf(columns.values()));
	}

	/**
	 * The sales funnel of a scenario for the default period as JSON: the same statements
	 * as the page (deal-funnel.sql).
	 */
	@GetMapping("/reports/funnel")
	Map<String, Object> funnel(@RequestParam long scenario, @CookieValue("SESSION") String cookie) {
		Map<String, Object> vars = session(cookie);
		ZoneId zone = ZoneId.systemDefault();
		LocalDate today = LocalDate.now(zone);
		vars.put("scenario", scenario);
		vars.put("from", today.minusMonths(3).atStartOfDay(zone).toOffsetDateTime().toString());
		vars.put("to", today.plusDays(1).atStartOfDay(zone).toOffsetDateTime().toString());
		vars.put("now", OffsetDateTime.now().toString());
		var results = scripts.run("deal-funnel", vars);
		Settings known = settings(results);
		Map<Object, Object> reasons = new LinkedHashMap<>();
		known.reasons().forEach(row -> reasons.put(row.get("id"), row.get("name")));
		Map<Object, Map<String, Object>> stages = new LinkedHashMap<>();
		known.stages().stream().filter(row -> row.get("scenario_id").equals(scenario)).forEach(row -> {
			Map<String, Object> stage = new LinkedHashMap<>();
			stage.put("stageId", row.get("id"));
			stage.put("name", row.get("name"));
			stage.put("open", 0L);
			stage.put("amounts", new ArrayList<>());
			stage.put("wentOn", 0L);
			stages.put(row.get("id"), stage);
		});
		for (Map<String, Object> row : results.get("open")) {
			Map<String, Object> stage = stages.get(row.get("stage_id"));
			// The administrator's open part: the open deals' counters, summed (named).
			stage.put("open", (Long) stage.get("open") + ((Number) row.get("deals")).longValue());
			cast(stage.get("amounts")).add(
					Map.of("currency", row.get("currency"), "amount", row.get("amount"), "weighted", row.get("weighted")));
		}
		for (Map<String, Object> row : results.get("passed")) {
			// Both sums are called "sum" and a row map keeps the last: the deals that went
			// on. (Aliases would make the statement differ from Clientele's.)
			stages.get(row.get("stage_id")).put("wentOn", ((Number) row.get("sum")).longValue());
		}
		long closed = 0;
		long won = 0;
		List<Map<String, Object>> losses = new ArrayList<>();
		for (Map<String, Object> row : results.get("closings")) {
			long deals = ((Number) row.get("sum")).longValue();
			closed += deals;
			if ("WON".equals(row.get("state"))) {
				won += deals;
			}
			else if (deals > 0) {
				losses.add(Map.of("stageId", row.get("stage_id"), "reason",
						String.valueOf(reasons.get(row.get("loss_reason_id"))), "deals", deals));
			}
		}
		return Map.of("scenario", scenario, "stages", List.copyOf(stages.values()), "closedDeals", closed, "won", won,
				"losses", losses);
	}

	private Map<String, Object> session(String cookie) {
		return sessions.variables(cookie);
	}

	private Object plain(Object value) {
		return ReferenceEndpoints.plain(json, value);
	}

	@SuppressWarnings("unchecked")
	private static List<Object> cast(Object list) {
		return (List<Object>) list;
	}

}
