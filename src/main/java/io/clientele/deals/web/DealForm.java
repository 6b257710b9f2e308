package io.clientele.deals.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.clientele.deals.DealCard;
import io.clientele.deals.DealDraft;
import io.clientele.deals.DealLine;
import io.clientele.deals.DealMode;
import io.clientele.shared.RuleViolation;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** The deal form's fields; empty line rows are left out. */
public class DealForm {

	private @Nullable Long clientId;

	private @Nullable Long contactId;

	private String subject = "";

	private @Nullable String description;

	private @Nullable String kind;

	private @Nullable Long scenarioId;

	private @Nullable Long stageId;

	private DealMode mode = DealMode.MANUAL_STAGES;

	private @Nullable String amount;

	private String currency = "RUB";

	private @Nullable Integer probability;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private @Nullable LocalDate expectedClose;

	private @Nullable String channel;

	private @Nullable Long responsibleId;

	private List<Long> coExecutorIds = new ArrayList<>();

	private String tags = "";

	private List<Line> lines = new ArrayList<>();

	private Map<String, String> custom = new LinkedHashMap<>();

	private Map<String, List<String>> customMany = new LinkedHashMap<>();

	private long version;

	/** A line row of the form, as typed. */
	public static class Line {

		private String product = "";

		private @Nullable String quantity;

		private @Nullable String price;

		private @Nullable String discount;

		boolean empty() {
			return (product == null || product.isBlank()) && blank(quantity) && blank(price) && blank(discount);
		}

		public String getProduct() {
			return product;
		}

		public void setProduct(String product) {
			this.product = product;
		}

		public @Nullable String getQuantity() {
			return quantity;
		}

		public void setQuantity(@Nullable String quantity) {
			this.quantity = quantity;
		}

		public @Nullable String getPrice() {
			return price;
		}

		public void setPrice(@Nullable String price) {
			this.price = price;
		}

		public @Nullable String getDiscount() {
			return discount;
		}

		public void setDiscount(@Nullable String discount) {
			this.discount = discount;
		}

	}

	static DealForm blank(long clientId, long scenarioId) {
		DealForm form = new DealForm();
		form.clientId = clientId;
		form.scenarioId = scenarioId;
		return form;
	}

	static DealForm of(DealCard card) {
		DealForm form = new DealForm();
		form.clientId = card.clientId();
		form.contactId = card.contactId();
		form.subject = card.subject();
		form.description = card.description();
		form.kind = card.kind();
		form.scenarioId = card.scenarioId();
		form.stageId = card.stageId();
		form.mode = card.mode();
		form.amount = card.amount().toPlainString();
		form.currency = card.currency();
		form.probability = card.probability();
		form.expectedClose = card.expectedClose();
		form.channel = card.channel();
		form.responsibleId = card.responsibleId();
		form.coExecutorIds = new ArrayList<>(card.coExecutors().keySet());
		form.tags = String.join(", ", card.tags());
		for (DealLine line : card.lines()) {
			Line row = new Line();
			row.product = line.product();
			row.quantity = line.quantity().stripTrailingZeros().toPlainString();
			row.price = line.price().toPlainString();
			row.discount = line.discount().stripTrailingZeros().toPlainString();
			form.lines.add(row);
		}
		card.custom().forEach((key, value) -> {
			if (value instanceof List<?> many) {
				form.customMany.put(key, many.stream().map(String::valueOf).toList());
			}
			else {
				form.custom.put(key, String.valueOf(value));
			}
		});
		form.version = card.version();
		return form;
	}

	DealDraft toDraft() {
		if (clientId == null) {
			throw new RuleViolation("clientId", "deal.client-invalid");
		}
		if (scenarioId == null) {
			throw new RuleViolation("scenarioId", "deal.scenario-invalid");
		}
		List<DealLine> checked = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			Line line = lines.get(i);
			if (line.empty()) {
				continue;
			}
			String field = "lines[" + i + "]";
			checked.add(new DealLine(null, line.product, number(field + ".quantity", line.quantity, BigDecimal.ONE),
					number(field + ".price", line.price, BigDecimal.ZERO),
					number(field + ".discount", line.discount, BigDecimal.ZERO)));
		}
		Map<String, Object> values = new LinkedHashMap<>(custom);
		customMany.forEach((key, codes) -> values.put(key, codes.stream().filter(code -> !code.isBlank()).toList()));
		return new DealDraft(clientId, contactId, subject, description, kind, scenarioId, stageId, mode,
				number("amount", amount, BigDecimal.ZERO), currency, probability, expectedClose, channel, responsibleId,
				coExecutorIds.stream().filter(Objects::nonNull).toList(),
				Arrays.stream(tags.split(",")).map(String::strip).filter(tag -> !tag.isEmpty()).toList(), checked,
				values);
	}

	/**
	 * The form field a refusal names: line rows left empty were not passed on, so the
	 * draft's {@code lines[0]} may be the form's {@code lines[2]}; extra field
	 * {@code cf12} is {@code custom[12]}.
	 */
	String formField(String draftField) {
		var row = java.util.regex.Pattern.compile("lines\\[(\\d+)](.*)").matcher(draftField);
		if (row.matches()) {
			int wanted = Integer.parseInt(row.group(1));
			int seen = -1;
			for (int i = 0; i < lines.size(); i++) {
				if (!lines.get(i).empty() && ++seen == wanted) {
					return "lines[" + i + "]" + row.group(2);
				}
			}
		}
		if (draftField.matches("cf\\d+")) {
			String key = draftField.substring(2);
			return customMany.containsKey(key) ? "customMany[" + key + "]" : "custom[" + key + "]";
		}
		return draftField;
	}

	private static BigDecimal number(String field, @Nullable String text, BigDecimal empty) {
		if (blank(text)) {
			return empty;
		}
		try {
			return new BigDecimal(text.strip().replace(',', '.').replace(" ", "").replace("\u00a0", ""));
		}
		catch (NumberFormatException ex) {
			throw new RuleViolation(field, "deal.number-invalid");
		}
	}

	private static boolean blank(@Nullable String text) {
		return text == null || text.isBlank();
	}

	// getters and setters for binding

	public @Nullable Long getClientId() {
		return clientId;
	}

	public void setClientId(@Nullable Long clientId) {
		this.clientId = clientId;
	}

	public @Nullable Long getContactId() {
		return contactId;
	}

	public void setContactId(@Nullable Long contactId) {
		this.contactId = contactId;
	}

	public String getSubject() {
		return subject;
	}

	public void setSubject(String subject) {
		this.subject = subject;
	}

	public @Nullable String getDescription() {
		return description;
	}

	public void setDescription(@Nullable String description) {
		this.description = description;
	}

	public @Nullable String getKind() {
		return kind;
	}

	public void setKind(@Nullable String kind) {
		this.kind = kind;
	}

	public @Nullable Long getScenarioId() {
		return scenarioId;
	}

	public void setScenarioId(@Nullable Long scenarioId) {
		this.scenarioId = scenarioId;
	}

	public @Nullable Long getStageId() {
		return stageId;
	}

	public void setStageId(@Nullable Long stageId) {
		this.stageId = stageId;
	}

	public DealMode getMode() {
		return mode;
	}

	public void setMode(DealMode mode) {
		this.mode = mode;
	}

	public @Nullable String getAmount() {
		return amount;
	}

	public void setAmount(@Nullable String amount) {
		this.amount = amount;
	}

	public String getCurrency() {
		return currency;
	}

	public void setCurrency(String currency) {
		this.currency = currency;
	}

	public @Nullable Integer getProbability() {
		return probability;
	}

	public void setProbability(@Nullable Integer probability) {
		this.probability = probability;
	}

	public @Nullable LocalDate getExpectedClose() {
		return expectedClose;
	}

	public void setExpectedClose(@Nullable LocalDate expectedClose) {
		this.expectedClose = expectedClose;
	}

	public @Nullable String getChannel() {
		return channel;
	}

	public void setChannel(@Nullable String channel) {
		this.channel = channel;
	}

	public @Nullable Long getResponsibleId() {
		return responsibleId;
	}

	public void setResponsibleId(@Nullable Long responsibleId) {
		this.responsibleId = responsibleId;
	}

	public List<Long> getCoExecutorIds() {
		return coExecutorIds;
	}

	public void setCoExecutorIds(List<Long> coExecutorIds) {
		this.coExecutorIds = coExecutorIds;
	}

	public String getTags() {
		return tags;
	}

	public void setTags(String tags) {
		this.tags = tags;
	}

	public List<Line> getLines() {
		return lines;
	}

	public void setLines(List<Line> lines) {
		this.lines = lines;
	}

	public Map<String, String> getCustom() {
		return custom;
	}

	public void setCustom(Map<String, String> custom) {
		this.custom = custom;
	}

	public Map<String, List<String>> getCustomMany() {
		return customMany;
	}

	public void setCustomMany(Map<String, List<String>> customMany) {
		this.customMany = customMany;
	}

	public long getVersion() {
		return version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
