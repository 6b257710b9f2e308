package io.clientele.demo;

/**
 * The named data sets of the benchmarks. Both have the same company (20 sales
 * departments, each with a head and 10 managers); they differ in how many clients it has.
 *
 * @param clients how many clients (a fifth of them individuals)
 */
public enum DataSetSize {

	/** 10,000 clients and about 20,000 contact persons. */
	S(10_000),

	/** 1,000,000 clients and about 2,000,000 contact persons. */
	M(1_000_000);

	private final int clients;

	DataSetSize(int clients) {
		this.clients = clients;
	}

	public int clients() {
		return clients;
	}

}
