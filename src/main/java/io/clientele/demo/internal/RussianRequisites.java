package io.clientele.demo.internal;

import java.math.BigInteger;
import java.util.random.RandomGenerator;

/**
 * Random tax ids that pass their check digits, and phone numbers of Russian operators,
 * for generated clients.
 */
public final class RussianRequisites {

	private static final int[] INN10 = { 2, 4, 10, 3, 5, 9, 4, 6, 8 };

	private static final int[] INN12_FIRST = { 7, 2, 4, 10, 3, 5, 9, 4, 6, 8 };

	private static final int[] INN12_SECOND = { 3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8 };

	private final RandomGenerator random;

	public RussianRequisites(RandomGenerator random) {
		this.random = random;
	}

	/** A legal entity's INN of a Moscow or Saint Petersburg tax office. */
	public String legalInn() {
		String body = (random.nextBoolean() ? "77" : "78") + digits(7);
		return body + control(body, INN10);
	}

	public String personInn() {
		String body = (random.nextBoolean() ? "77" : "50") + digits(8);
		String first = body + control(body, INN12_FIRST);
		return first + control(first, INN12_SECOND);
	}

	public String kpp(String inn) {
		return inn.substring(0, 4) + "01001";
	}

	public String ogrn() {
		String body = "1" + digits(2) + "77" + digits(7);
		return body + new BigInteger(body).mod(BigInteger.valueOf(11)).mod(BigInteger.TEN);
	}

	public String mobile() {
		return "+79" + digits(9);
	}

	public String landline(String cityCode) {
		return "+7" + cityCode + digits(10 - cityCode.length());
	}

	private String digits(int count) {
		StringBuilder digits = new StringBuilder();
		for (int i = 0; i < count; i++) {
			digits.append(random.nextInt(i == 0 && count > 1 ? 1 : 0, 10));
		}
		return digits.toString();
	}

	private static int control(String digits, int[] weights) {
		int sum = 0;
		for (int i = 0; i < weights.length; i++) {
			sum += (digits.charAt(i) - '0') * weights[i];
		}
		return sum % 11 % 10;
	}

}
