package io.clientele.deals.internal;

import java.math.BigDecimal;

import io.clientele.deals.DealLine;
import jakarta.persistence.Embeddable;
import org.jspecify.annotations.Nullable;

/** A deal line as stored; {@link DealLine} outside. */
@Embeddable
class LineItem {

	private @Nullable Long productId;

	private String product = "";

	private BigDecimal quantity = BigDecimal.ONE;

	private BigDecimal price = BigDecimal.ZERO;

	private BigDecimal discount = BigDecimal.ZERO;

	protected LineItem() {
	}

	LineItem(DealLine line) {
		this.productId = line.productId();
		this.product = line.product();
		this.quantity = line.quantity();
		this.price = line.price();
		this.discount = line.discount();
	}

	DealLine line() {
		return new DealLine(productId, product, quantity, price, discount);
	}

}
