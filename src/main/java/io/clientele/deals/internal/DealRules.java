package io.clientele.deals.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.clientele.deals.DealLine;
import io.clientele.shared.RuleViolation;
import org.jspecify.annotations.Nullable;

/** The rules of a deal's own fields, apart from who and what it points at. */
final class DealRules {

	static final int SUBJECT_MAX = 300;

	static final int TEXT_MAX = 5000;

	private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

	private DealRules() {
	}

	static String subject(@Nullable String subject) {
		String checked = subject == null ? "" : subject.strip();
		if (checked.isEmpty()) {
			throw new RuleViolation("subject", "deal.subject-required");
		}
		if (checked.length() > SUBJECT_MAX) {
			throw new RuleViolation("subject", "deal.subject-too-long", SUBJECT_MAX);
		}
		return checked;
	}

	static @Nullable String text(String field, @Nullable String text, int max) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String checked = text.strip();
		if (checked.length() > max) {
			throw new RuleViolation(field, "deal.text-too-long", max);
		}
		return checked;
	}

	static String currency(@Nullable String currency) {
		String checked = currency == null || currency.isBlank() ? "RUB" : currency.strip().toUpperCase(Locale.ROOT);
		if (!CURRENCY.matcher(checked).matches()) {
			throw new RuleViolation("currency", "deal.currency-invalid");
		}
		return checked;
	}

	static int probability(@Nullable Integer probability, int stageDefault) {
		int checked = probability == null ? stageDefault : probability;
		if (checked < 0 || checked > 100) {
			throw new RuleViolation("probability", "deal.probability-invalid");
		}
		return checked;
	}

	/** The lines' total when there are lines; the amount entered otherwise. */
	static BigDecimal amount(@Nullable BigDecimal amount, List<DealLine> lines) {
		if (!lines.isEmpty()) {
			return lines.stream().map(DealLine::total).reduce(BigDecimal.ZERO, BigDecimal::add);
		}
		BigDecimal checked = amount == null ? BigDecimal.ZERO : amount;
		if (checked.signum() < 0 || checked.scale() > 2 || checked.precision() - checked.scale() > 17) {
			throw new RuleViolation("amount", "deal.amount-invalid");
		}
		return checked.setScale(2);
	}

	static List<DealLine> lines(List<DealLine> lines) {
		List<DealLine> checked = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			DealLine line = lines.get(i);
			String field = "lines[" + i + "]";
			String product = line.product() == null ? "" : line.product().strip();
			if (product.isEmpty() || product.length() > 300) {
				throw new RuleViolation(field + ".product", "deal.line.product-required");
			}
			if (line.quantity() == null || line.quantity().signum() <= 0 || line.quantity().scale() > 3) {
				throw new RuleViolation(field + ".quantity", "deal.line.quantity-invalid");
			}
			if (line.price() == null || line.price().signum() < 0 || line.price().scale() > 2) {
				throw new RuleViolation(field + ".price", "deal.line.price-invalid");
			}
			BigDecimal discount = line.discount() == null ? BigDecimal.ZERO : line.discount();
			if (discount.signum() < 0 || discount.compareTo(BigDecimal.valueOf(100)) > 0 || discount.scale() > 2) {
				throw new RuleViolation(field + ".discount", "deal.line.discount-invalid");
			}
			checked.add(new DealLine(line.productId(), product, line.quantity(), line.price(), discount));
		}
		return checked;
	}

	static List<String> tags(List<String> tags) {
		Set<String> checked = new LinkedHashSet<>();
		for (String tag : tags) {
			if (tag == null || tag.isBlank()) {
				continue;
			}
			String stripped = tag.strip();
			if (stripped.length() > 50) {
				throw new RuleViolation("tags", "deal.tag-too-long", 50);
			}
			checked.add(stripped);
		}
		return List.copyOf(checked);
	}

}
