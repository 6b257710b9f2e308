package io.clientele.deals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.clientele.deals.SalesScenario.ChecklistItem;
import io.clientele.deals.SalesScenario.Stage;
import io.clientele.deals.spi.ScenarioRouteMaps;
import io.clientele.shared.RecordNotFound;
import io.clientele.shared.RuleViolation;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sales scenarios, their stages and checklists, and the loss reasons: read by every deal
 * page, edited by an administrator. Stages and reasons that deals used are switched off,
 * never deleted, so that history and the funnel keep their names.
 */
@Service
public class SalesScenarios {

	private final JdbcClient jdbc;

	private final ObjectProvider<ScenarioRouteMaps> routeMaps;

	private volatile @Nullable Settings settings;

	SalesScenarios(JdbcClient jdbc, ObjectProvider<ScenarioRouteMaps> routeMaps) {
		this.jdbc = jdbc;
		this.routeMaps = routeMaps;
	}

	/** Every scenario with every stage and its active checklist, in order. */
	@Transactional(readOnly = true)
	public List<SalesScenario> all() {
		return settings().scenarios();
	}

	/**
	 * The scenarios and loss reasons as of now: this node's copy while the database's
	 * settings version (bumped by a trigger on any change, see migration
	 * {@code …1700__sales_settings_version}) is the one it was read at; read again
	 * otherwise.
	 */
	private Settings settings() {
		long version = jdbc.sql("select version from sales_settings_version").query(Long.class).single();
		Settings current = this.settings;
		if (current != null && current.version() == version) {
			return current;
		}
		Settings fresh = new Settings(version, readScenarios(), readLossReasons());
		this.settings = fresh;
		return fresh;
	}

	private List<SalesScenario> readScenarios() {
		Map<Long, List<ChecklistItem>> items = new LinkedHashMap<>();
		jdbc.sql("""
				select i.stage_id, i.id, i.text, i.optional from stage_checklist_items i
				 where i.active order by i.stage_id, i.position, i.id
				""").query(rs -> {
			items.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
				.add(new ChecklistItem(rs.getLong(2), rs.getString(3), rs.getBoolean(4)));
		});
		Map<Long, List<Stage>> stages = new LinkedHashMap<>();
		jdbc.sql("""
				select id, scenario_id, name, position, probability, max_days, active from sales_stages
				 order by scenario_id, position, id
				""").query(rs -> {
			long id = rs.getLong(1);
			stages.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>())
				.add(new Stage(id, rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
						rs.getObject(6, Integer.class), rs.getBoolean(7),
						List.copyOf(items.getOrDefault(id, List.of()))));
		});
		return List.copyOf(jdbc
			.sql("select id, name, active, route_map_key from sales_scenarios order by active desc, position, id")
			.query((rs, n) -> new SalesScenario(rs.getLong(1), rs.getString(2), rs.getBoolean(3),
					List.copyOf(stages.getOrDefault(rs.getLong(1), List.of())), rs.getString(4)))
			.list());
	}

	private List<LossReason> readLossReasons() {
		return List.copyOf(
				jdbc.sql("select id, name, active from deal_loss_reasons order by active desc, position, lower(name)")
					.query((rs, n) -> new LossReason(rs.getLong(1), rs.getString(2), rs.getBoolean(3)))
					.list());
	}

	private record Settings(long version, List<SalesScenario> scenarios, List<LossReason> lossReasons) {
	}

	/** The scenarios a new deal may follow. */
	@Transactional(readOnly = true)
	public List<SalesScenario> active() {
		return all().stream().filter(SalesScenario::active).filter(s -> !s.activeStages().isEmpty()).toList();
	}

	@Transactional(readOnly = true)
	public SalesScenario scenario(long id) {
		return all().stream()
			.filter(scenario -> scenario.id() == id)
			.findFirst()
			.orElseThrow(() -> new RecordNotFound("Scenario", id));
	}

	@Transactional(readOnly = true)
	public List<LossReason> lossReasons() {
		return settings().lossReasons();
	}

	@Transactional
	public long createScenario(String name) {
		try {
			return jdbc.sql("""
					insert into sales_scenarios (name, position)
					values (?, (select coalesce(max(position), 0) + 1 from sales_scenarios)) returning id
					""").param(name(name, "name")).query(Long.class).single();
		}
		catch (DuplicateKeyException ex) {
			throw new RuleViolation("name", "scenario.name-taken");
		}
	}

	@Transactional
	public void updateScenario(long id, String name, boolean active) {
		try {
			found(jdbc.sql("update sales_scenarios set name = ?, active = ?, version = version + 1 where id = ?")
				.params(name(name, "name"), active, id)
				.update(), "Scenario", id);
		}
		catch (DuplicateKeyException ex) {
			throw new RuleViolation("name", "scenario.name-taken");
		}
	}

	/** The route maps a scenario may follow, by key; none when no module runs them. */
	@Transactional(readOnly = true)
	public List<ScenarioRouteMaps.Choice> routeMapChoices() {
		ScenarioRouteMaps maps = routeMaps.getIfAvailable();
		return maps == null ? List.of() : maps.choices();
	}

	/**
	 * Sets the route map the scenario's process-controlled deals follow from now on
	 * (deals already running keep their process), or none. Refused for a map that is not
	 * deployed or whose actions set stages the scenario does not have.
	 */
	@Transactional
	public void assignRouteMap(long id, @Nullable String key) {
		SalesScenario scenario = scenario(id);
		String checked = key == null || key.isBlank() ? null : key.strip();
		if (checked != null) {
			ScenarioRouteMaps maps = routeMaps.getIfAvailable();
			if (maps == null || maps.choices().stream().noneMatch(choice -> choice.key().equals(checked))) {
				throw new RuleViolation("routeMapKey", "scenario.route-map.unknown", checked);
			}
			List<String> missing = maps.stagesMissingIn(checked, scenario);
			if (!missing.isEmpty()) {
				throw new RuleViolation("routeMapKey", "scenario.route-map.stages-missing", checked,
						String.join(", ", missing));
			}
		}
		jdbc.sql("update sales_scenarios set route_map_key = ?, version = version + 1 where id = ?")
			.params(checked, id)
			.update();
	}

	@Transactional
	public long addStage(long scenarioId, String name, int probability, @Nullable Integer maxDays) {
		scenario(scenarioId);
		return jdbc.sql("""
				insert into sales_stages (scenario_id, name, position, probability, max_days)
				values (?, ?, (select coalesce(max(position), 0) + 1 from sales_stages where scenario_id = ?), ?, ?)
				returning id
				""")
			.params(scenarioId, name(name, "name"), scenarioId, probability(probability), maxDays(maxDays))
			.query(Long.class)
			.single();
	}

	@Transactional
	public void updateStage(long id, String name, int probability, @Nullable Integer maxDays, boolean active) {
		found(jdbc.sql("""
				update sales_stages set name = ?, probability = ?, max_days = ?, active = ?, version = version + 1
				 where id = ?
				""").params(name(name, "name"), probability(probability), maxDays(maxDays), active, id).update(),
				"Stage", id);
	}

	/** Swaps the stage with its neighbour before (up) or after it. */
	@Transactional
	public void moveStage(long id, boolean up) {
		record Place(long scenarioId, int position) {
		}
		Place place = jdbc.sql("select scenario_id, position from sales_stages where id = ?")
			.param(id)
			.query((rs, n) -> new Place(rs.getLong(1), rs.getInt(2)))
			.optional()
			.orElseThrow(() -> new RecordNotFound("Stage", id));
		jdbc.sql("""
				select id, position from sales_stages
				 where scenario_id = :scenario and position %s :position
				 order by position %s limit 1
				""".formatted(up ? "<" : ">", up ? "desc" : "asc"))
			.param("scenario", place.scenarioId())
			.param("position", place.position())
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getInt(2) })
			.optional()
			.ifPresent(other -> {
				jdbc.sql("update sales_stages set position = ? where id = ?").params((int) other[1], id).update();
				jdbc.sql("update sales_stages set position = ? where id = ?")
					.params(place.position(), other[0])
					.update();
			});
	}

	@Transactional
	public long addChecklistItem(long stageId, String text, boolean optional) {
		String checked = text == null ? "" : text.strip();
		if (checked.isEmpty() || checked.length() > 300) {
			throw new RuleViolation("text", "scenario.checklist.text-invalid");
		}
		return jdbc.sql("""
				insert into stage_checklist_items (stage_id, text, optional, position)
				values (?, ?, ?, (select coalesce(max(position), 0) + 1 from stage_checklist_items where stage_id = ?))
				returning id
				""").params(stageId, checked, optional, stageId).query(Long.class).single();
	}

	/** Takes the item off the stage's checklist (ticks already made stay in history). */
	@Transactional
	public void removeChecklistItem(long itemId) {
		jdbc.sql("update stage_checklist_items set active = false where id = ?").param(itemId).update();
	}

	@Transactional
	public long addLossReason(String name) {
		try {
			return jdbc.sql("""
					insert into deal_loss_reasons (name, position)
					values (?, (select coalesce(max(position), 0) + 1 from deal_loss_reasons)) returning id
					""").param(name(name, "name")).query(Long.class).single();
		}
		catch (DuplicateKeyException ex) {
			throw new RuleViolation("name", "loss-reason.name-taken");
		}
	}

	@Transactional
	public void setLossReasonActive(long id, boolean active) {
		found(jdbc.sql("update deal_loss_reasons set active = ?, version = version + 1 where id = ?")
			.params(active, id)
			.update(), "Loss reason", id);
	}

	private static String name(@Nullable String name, String field) {
		String checked = name == null ? "" : name.strip();
		if (checked.isEmpty() || checked.length() > 100) {
			throw new RuleViolation(field, "scenario.name-invalid");
		}
		return checked;
	}

	private static int probability(int probability) {
		if (probability < 0 || probability > 100) {
			throw new RuleViolation("probability", "deal.probability-invalid");
		}
		return probability;
	}

	private static @Nullable Integer maxDays(@Nullable Integer maxDays) {
		if (maxDays != null && (maxDays < 1 || maxDays > 3650)) {
			throw new RuleViolation("maxDays", "scenario.stage.max-days-invalid");
		}
		return maxDays;
	}

	private static void found(int updated, String type, long id) {
		if (updated == 0) {
			throw new RecordNotFound(type, id);
		}
	}

}
