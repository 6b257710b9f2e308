package io.clientele.deals;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.jspecify.annotations.Nullable;

/**
 * A line of what the client wants: a product (once the catalog exists) or free text, a
 * quantity, a price and a discount in percent.
 */
public record DealLine(@Nullable Long productId, String product, BigDecimal quantity, BigDecimal price,
		BigDecimal discount) {

	/** Quantity × price less the discount, to the kopeck (half up). */
	public BigDecimal total() {
		BigDecimal gross = quantity.multiply(price);
		BigDecimal off = gross.multiply(discount).divide(BigDecimal.valueOf(100), 10, RoundingMode.HALF_UP);
		return gross.subtract(off).setScale(2, RoundingMode.HALF_UP);
	}

}
